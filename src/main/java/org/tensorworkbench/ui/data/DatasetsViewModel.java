package org.tensorworkbench.ui.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tensorworkbench.engine.data.Cancellation;
import org.tensorworkbench.engine.data.CsvTable;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetDownloader;
import org.tensorworkbench.engine.data.DatasetException;
import org.tensorworkbench.engine.data.DatasetInfo;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetPreview;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.data.DownloadCatalog;
import org.tensorworkbench.engine.data.DownloadProgress;
import org.tensorworkbench.engine.data.FileVerifier;
import org.tensorworkbench.engine.data.Task;
import org.tensorworkbench.ui.common.UiExecutor;

/**
 * The state of the Datasets screen, without JavaFX nodes: which dataset is chosen with which
 * options, the preview of the loaded one, errors, and a download in progress.
 *
 * <p>Loading runs on the injected executor; when the choice or an option changes while a load is
 * still running, only the newest request's result is shown ("latest wins"). Download progress
 * arrives on the download thread and is handed to the FX thread coalesced: at most one update
 * is queued at a time and it shows the newest progress.
 */
public final class DatasetsViewModel {
  /** Sample images shown in the grid. */
  public static final int SAMPLE_IMAGES = 50;
  /** Table rows shown. */
  public static final int TABLE_ROWS = 100;
  /** Points drawn in the scatter plot. */
  public static final int SCATTER_POINTS = 2000;

  private final UiExecutor executor;
  private final Executor fxThread;
  private final DatasetRegistry registry;
  private final Function<DownloadCatalog.DownloadSpec, DatasetDownloadJob> downloads;

  private final ObservableList<DatasetInfo> datasets = FXCollections.observableArrayList();
  private final ObjectProperty<DatasetInfo> selected = new SimpleObjectProperty<>();
  private final ObjectProperty<DatasetOptions> options = new SimpleObjectProperty<>(DatasetOptions.defaults());
  private final ObjectProperty<DatasetPreview> preview = new SimpleObjectProperty<>();
  private final ObjectProperty<Throwable> error = new SimpleObjectProperty<>();
  private final BooleanProperty loading = new SimpleBooleanProperty();
  private final BooleanProperty downloading = new SimpleBooleanProperty();
  private final ObjectProperty<DownloadProgress> downloadProgress = new SimpleObjectProperty<>();
  private final ObjectProperty<Path> downloadedFolder = new SimpleObjectProperty<>();
  private final AtomicReference<DownloadProgress> pendingProgress = new AtomicReference<>();
  private final ObjectProperty<List<FileVerifier.FileCheck>> verification = new SimpleObjectProperty<>(List.of());

  private Dataset loaded;
  private boolean adjustingOptions;
  private long generation;
  private Cancellation downloadCancellation;

  /** A download the screen can start; the app's is {@link DatasetDownloader#download}. */
  @FunctionalInterface
  public interface DatasetDownloadJob {
    /** Runs the download on the calling (background) thread. */
    Path run(Consumer<DownloadProgress> progress, Cancellation cancellation);
  }

  /**
   * A screen over {@code registry} that downloads into {@code workspaceFolder} from the official URLs.
   *
   * @param fxThread runs small updates on the FX thread ({@code Platform::runLater}; {@code Runnable::run} in tests)
   */
  public DatasetsViewModel(UiExecutor executor, Executor fxThread, DatasetRegistry registry, Path workspaceFolder) {
    this(executor, fxThread, registry, spec -> (progress, cancel) ->
        new DatasetDownloader(DatasetDownloader.defaultClient(), workspaceFolder).download(spec, progress, cancel));
  }

  /** As above with the downloads made by {@code downloads} (tests point it at a local server). */
  public DatasetsViewModel(UiExecutor executor, Executor fxThread, DatasetRegistry registry,
      Function<DownloadCatalog.DownloadSpec, DatasetDownloadJob> downloads) {
    this.executor = executor;
    this.fxThread = fxThread;
    this.registry = registry;
    this.downloads = downloads;
    datasets.setAll(registry.available());
    selected.addListener((obs, old, now) -> {
      if (now != null && now.source() == DatasetInfo.Source.GENERATED) {
        adjustingOptions = true;
        options.set(registry.generatorDefaults(now.name(), options.get()));
        adjustingOptions = false;
      }
      load();
    });
    options.addListener((obs, old, now) -> {
      if (!adjustingOptions) {
        load();
      }
    });
  }

  public ObservableList<DatasetInfo> datasets() {
    return datasets;
  }

  /** The chosen dataset; choosing one loads it. */
  public ObjectProperty<DatasetInfo> selectedProperty() {
    return selected;
  }

  /** The loading options; changing them reloads. */
  public ObjectProperty<DatasetOptions> optionsProperty() {
    return options;
  }

  /** Chooses the dataset called {@code name}. */
  public void select(String name) {
    datasets.stream().filter(d -> d.name().equals(name)).findFirst().ifPresent(selected::set);
  }

  public ReadOnlyObjectProperty<DatasetPreview> previewProperty() {
    return preview;
  }

  /** The last error (a {@link DatasetException} for problems with data), or {@code null}. */
  public ReadOnlyObjectProperty<Throwable> errorProperty() {
    return error;
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading;
  }

  public ReadOnlyBooleanProperty downloadingProperty() {
    return downloading;
  }

  /** How far the running (or last) download got; {@code null} before the first. */
  public ReadOnlyObjectProperty<DownloadProgress> downloadProgressProperty() {
    return downloadProgress;
  }

  /** Where the last successful download went, or {@code null}. */
  public ReadOnlyObjectProperty<Path> downloadedFolderProperty() {
    return downloadedFolder;
  }

  /** The result of the last {@link #verifyShippedFiles()}. */
  public ReadOnlyObjectProperty<List<FileVerifier.FileCheck>> verificationProperty() {
    return verification;
  }

  /** Whether the chosen dataset must be downloaded before it can be loaded. */
  public boolean needsDownload() {
    DatasetInfo info = selected.get();
    return info != null && info.source() == DatasetInfo.Source.DOWNLOADED && !info.available();
  }

  /** Loads the chosen dataset with the current options (in the background). */
  public void load() {
    DatasetInfo info = selected.get();
    if (info == null) {
      return;
    }
    if (needsDownload()) {
      generation++; // a load still running for an earlier choice must not show up
      loading.set(false);
      loaded = null;
      preview.set(null);
      DownloadCatalog.DownloadSpec spec = DownloadCatalog.official(info.name());
      error.set(new DatasetException("data.ui.needsDownload", info.title(), spec.totalBytes() / 1e6));
      return;
    }
    DatasetOptions chosen = options.get();
    run(() -> registry.load(info.name(), chosen));
  }

  /** Reads a CSV file's columns (in the background) so the user can choose the target. */
  public void inspectCsv(Path file, Consumer<CsvTable> onRead) {
    executor.submit(() -> CsvTable.read(file), onRead, error::set);
  }

  /** Loads a CSV file of the user, predicting {@code targetColumn}. */
  public void loadCsv(Path file, String targetColumn, Task task) {
    DatasetOptions chosen = options.get();
    run(() -> registry.loadCsv(file, targetColumn, task, chosen));
  }

  /** Loads a folder with one subfolder per class, images scaled to {@code size x size}. */
  public void loadImageFolder(Path folder, int size, boolean grayscale) {
    DatasetOptions chosen = options.get();
    run(() -> registry.loadImageFolder(folder, size, size, grayscale, chosen));
  }

  /** Rebuilds the preview's texts in the current language (after a language switch). */
  public void refreshTexts() {
    if (loaded != null) {
      preview.set(previewOf(loaded));
    }
  }

  private void run(Callable<Dataset> work) {
    long request = ++generation;
    loading.set(true);
    error.set(null);
    executor.submit(() -> {
      Dataset data = work.call();
      return new Loaded(data, previewOf(data));
    }, result -> {
      if (request == generation) {
        loaded = result.dataset();
        preview.set(result.preview());
        loading.set(false);
      }
    }, failure -> {
      if (request == generation) {
        loaded = null;
        preview.set(null);
        error.set(failure);
        loading.set(false);
      }
    });
  }

  private static DatasetPreview previewOf(Dataset data) {
    return data.preview(SAMPLE_IMAGES, TABLE_ROWS, SCATTER_POINTS);
  }

  private record Loaded(Dataset dataset, DatasetPreview preview) {}

  /** Checks every shipped file against {@code datasets/manifest.sha256} (in the background). */
  public void verifyShippedFiles() {
    executor.submit(() -> registry.shippedVerifier().checkAll(), verification::set, error::set);
  }

  /** Downloads the chosen dataset's official files, then loads it. */
  public void download() {
    DatasetInfo info = selected.get();
    DownloadCatalog.DownloadSpec spec = info == null ? null : DownloadCatalog.official(info.name());
    if (spec == null || downloading.get()) {
      return;
    }
    Cancellation cancellation = new Cancellation();
    downloadCancellation = cancellation;
    downloading.set(true);
    downloadProgress.set(new DownloadProgress("", 0, spec.files().size(), 0, spec.totalBytes()));
    downloadedFolder.set(null);
    error.set(null);
    DatasetDownloadJob job = downloads.apply(spec);
    executor.submit(() -> job.run(this::progressFromDownloadThread, cancellation), folder -> {
      downloading.set(false);
      downloadedFolder.set(folder);
      DatasetInfo before = selected.get();
      datasets.setAll(registry.available());
      select(spec.datasetName());
      if (Objects.equals(before, selected.get())) {
        load();
      }
    }, failure -> {
      downloading.set(false);
      error.set(failure);
    });
  }

  private void progressFromDownloadThread(DownloadProgress progress) {
    if (pendingProgress.getAndSet(progress) == null) {
      fxThread.execute(() -> {
        DownloadProgress newest = pendingProgress.getAndSet(null);
        if (newest != null) {
          downloadProgress.set(newest);
        }
      });
    }
  }

  /** Stops a running download; its partial files are deleted. */
  public void cancelDownload() {
    if (downloadCancellation != null) {
      downloadCancellation.cancel();
    }
  }
}
