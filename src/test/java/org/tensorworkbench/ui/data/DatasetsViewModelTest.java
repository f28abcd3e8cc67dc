package org.tensorworkbench.ui.data;

import org.tensorworkbench.ui.common.UiText;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.engine.data.DatasetException;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.data.DownloadProgress;
import org.tensorworkbench.engine.data.FileVerifier;
import org.tensorworkbench.engine.data.Task;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.common.UiExecutor;

/** The Datasets screen's logic, without a JavaFX toolkit. */
class DatasetsViewModelTest {
  @TempDir
  Path workspace;

  @AfterEach
  void english() {
    Messages.setLocale(Locale.ENGLISH);
  }

  private DatasetsViewModel model(UiExecutor executor) {
    return new DatasetsViewModel(executor, Runnable::run, new DatasetRegistry(Path.of(""), workspace), workspace);
  }

  @Test
  void choosingMnistShowsItsFirstSamples() {
    DatasetsViewModel model = model(UiExecutor.direct());
    model.select(DatasetRegistry.MNIST);
    assertFalse(model.loadingProperty().get());
    assertNull(model.errorProperty().get());
    var p = model.previewProperty().get();
    assertEquals(60000, p.trainSize());
    assertEquals(DatasetsViewModel.SAMPLE_IMAGES, p.sampleCount());
    assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, Arrays.copyOf(p.sampleLabels(), 10));
  }

  @Test
  void theNewestRequestWinsWhenResultsArriveOutOfOrder() {
    QueuedExecutor queue = new QueuedExecutor();
    DatasetsViewModel model = model(queue);
    model.select(DatasetRegistry.MNIST);
    model.select(DatasetRegistry.HOUSING);
    assertTrue(model.loadingProperty().get());
    queue.runLast(); // housing finishes first
    queue.runLast(); // then the outdated MNIST load
    assertEquals("housing", model.previewProperty().get().name());
    assertEquals(Task.REGRESSION, model.previewProperty().get().task());
    assertFalse(model.loadingProperty().get());
  }

  @Test
  void generatedSetsShowTheirDefaultsAndReloadOnEdits() {
    DatasetsViewModel model = model(UiExecutor.direct());
    model.select(DatasetRegistry.SPIRAL);
    assertEquals(3, model.optionsProperty().get().classes());
    assertEquals(600, model.optionsProperty().get().samples());
    assertEquals(480, model.previewProperty().get().trainSize());
    model.optionsProperty().set(model.optionsProperty().get().withClasses(5).withSamples(1000));
    assertEquals(5, model.previewProperty().get().classNames().size());
    assertEquals(800, model.previewProperty().get().trainSize());
    assertTrue(model.previewProperty().get().hasScatter());
  }

  @Test
  void aSetNotDownloadedExplainsHowToGetIt() {
    DatasetsViewModel model = model(UiExecutor.direct());
    model.select(DatasetRegistry.CIFAR_10);
    assertTrue(model.needsDownload());
    assertNull(model.previewProperty().get());
    DatasetException e = (DatasetException) model.errorProperty().get();
    assertEquals("data.ui.needsDownload", e.key());
    assertTrue(UiText.of(e).get().contains("170.1 MB"), UiText.of(e).get());
    Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    assertTrue(UiText.of(e).get().contains("还没有下载"), UiText.of(e).get());
  }

  @Test
  void aBrokenCsvIsReportedNotThrown() throws Exception {
    Path csv = Files.writeString(workspace.resolve("bad.csv"), "a,b,y\n1,2,3\n4,five,6\n");
    DatasetsViewModel model = model(UiExecutor.direct());
    model.loadCsv(csv, "y", Task.REGRESSION);
    DatasetException e = (DatasetException) model.errorProperty().get();
    assertEquals("data.error.csvNotNumeric", e.key());
    assertTrue(UiText.of(e).get().contains("five"));
    assertNull(model.previewProperty().get());
  }

  @Test
  void downloadProgressReachesTheScreenCoalescedAndSuccessLoadsTheSet() {
    List<Runnable> fxQueue = new ArrayList<>();
    DatasetRegistry registry = new DatasetRegistry(Path.of(""), workspace);
    DatasetsViewModel model = new DatasetsViewModel(UiExecutor.direct(), fxQueue::add, registry,
        spec -> (progress, cancel) -> {
          for (int i = 1; i <= 5; i++) {
            progress.accept(new DownloadProgress("f", 0, 1, i * 100, 500));
          }
          throw new DatasetException("data.error.downloadCancelled", "http://127.0.0.1/f");
        });
    model.select(DatasetRegistry.FASHION_MNIST_OFFICIAL);
    model.download();
    assertEquals(1, fxQueue.size(), "five progress reports, one FX update queued");
    fxQueue.get(0).run();
    DownloadProgress shown = model.downloadProgressProperty().get();
    assertEquals(1.0, shown.fraction());
    assertFalse(model.downloadingProperty().get());
    assertEquals("data.error.downloadCancelled", ((DatasetException) model.errorProperty().get()).key());
  }

  @Test
  void verificationListsEveryShippedFile() {
    DatasetsViewModel model = model(UiExecutor.direct());
    model.verifyShippedFiles();
    List<FileVerifier.FileCheck> checks = model.verificationProperty().get();
    assertEquals(9, checks.size());
    assertTrue(checks.stream().allMatch(c -> c.status() == FileVerifier.Status.OK));
  }

  /** Holds submitted work so a test decides when, and in which order, it completes. */
  private static final class QueuedExecutor implements UiExecutor {
    private final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
      tasks.add(() -> UiExecutor.direct().submit(work, onSuccess, onFailure));
    }

    void runLast() {
      tasks.removeLast().run();
    }
  }
}
