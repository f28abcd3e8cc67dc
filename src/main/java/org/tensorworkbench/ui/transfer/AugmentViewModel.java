package org.tensorworkbench.ui.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tensorworkbench.engine.augment.AugmentImage;
import org.tensorworkbench.engine.augment.AugmentJson;
import org.tensorworkbench.engine.augment.AugmentKind;
import org.tensorworkbench.engine.augment.AugmentPipeline;
import org.tensorworkbench.engine.augment.AugmentStep;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.image.Raster;
import org.tensorworkbench.engine.io.AtomicFiles;
import org.tensorworkbench.engine.lab.conv.ImageLoader;
import org.tensorworkbench.ui.common.LatestRequest;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.common.UiText;

/**
 * The Augmentation tab's state: the pipeline being edited (an ordered list of steps), the
 * source image and the grid of {@value #GRID} augmented versions, recomputed in the background
 * (latest request wins) after every edit and on "New samples". In batch mode the grid shows
 * {@value #GRID} different dataset images, each augmented once.
 */
public final class AugmentViewModel {
  /** Pictures in the grid. */
  public static final int GRID = 16;
  /** The longest side a photograph is shrunk to for the preview. */
  static final int PREVIEW_SIDE = 160;
  /** Dataset images loaded for the batch preview. */
  private static final int DATASET_IMAGES = 1_000;

  private final ObservableList<AugmentStep> steps = FXCollections.observableArrayList();
  private final ObservableList<AugmentSource> sources = FXCollections.observableArrayList();
  private final ObjectProperty<AugmentSource> source = new SimpleObjectProperty<>();
  private final BooleanProperty batch = new SimpleBooleanProperty();
  private final ReadOnlyObjectWrapper<List<Raster>> grid = new ReadOnlyObjectWrapper<>(List.of());
  private final ReadOnlyObjectWrapper<Raster> original = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
  private final LatestRequest<Request, Result> renderer;
  private final Map<String, Dataset> datasets = new HashMap<>();
  private final Path projectHome;
  private long seed = 1;

  private record Request(AugmentPipeline pipeline, AugmentSource source, boolean batch, long seed) {}

  private record Result(Raster original, List<Raster> grid) {}

  /**
   * @param executor renders the grid off the FX thread
   * @param projectHome holds {@code assets/images} (the photographs) and {@code datasets/}
   */
  public AugmentViewModel(UiExecutor executor, Path projectHome) {
    this.projectHome = projectHome;
    this.renderer = new LatestRequest<>(executor, this::render, r -> {
      original.set(r.original());
      grid.set(r.grid());
      error.set(null);
    }, e -> error.set(UiText.of(e)));
    sources.addAll(photos(projectHome.resolve("assets").resolve("images")));
    sources.add(AugmentSource.dataset(DatasetRegistry.FASHION_MNIST));
    sources.add(AugmentSource.dataset(DatasetRegistry.MNIST));
    steps.setAll(defaultPipeline().steps());
    source.set(sources.stream().filter(s -> s.kind() == AugmentSource.Kind.PHOTO
        && s.file().getFileName().toString().startsWith("chelsea")).findFirst().orElse(sources.get(0)));
    source.addListener(o -> refresh());
    batch.addListener(o -> refresh());
    steps.addListener((javafx.collections.ListChangeListener<AugmentStep>) c -> refresh());
  }

  /** d2l 14.1's usual start: a left-right flip, a resized crop and a little colour change. */
  static AugmentPipeline defaultPipeline() {
    return AugmentPipeline.empty().with(AugmentStep.of(AugmentKind.FLIP_HORIZONTAL).withProbability(0.5))
        .with(AugmentStep.of(AugmentKind.RESIZED_CROP).with("minScale", 0.1).with("maxScale", 1)
            .with("minRatio", 0.5).with("maxRatio", 2))
        .with(AugmentStep.of(AugmentKind.BRIGHTNESS));
  }

  private static List<AugmentSource> photos(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png"))
          .sorted().map(AugmentSource::photo).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  public ObservableList<AugmentStep> steps() {
    return steps;
  }

  public ObservableList<AugmentSource> sources() {
    return sources;
  }

  public ObjectProperty<AugmentSource> sourceProperty() {
    return source;
  }

  /** Whether the grid shows 16 dataset images each augmented once (instead of one image 16 times). */
  public BooleanProperty batchProperty() {
    return batch;
  }

  public ReadOnlyObjectProperty<List<Raster>> gridProperty() {
    return grid.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Raster> originalProperty() {
    return original.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<UiText> errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** The pipeline file last saved or opened, null if none. */
  public ReadOnlyObjectProperty<Path> fileProperty() {
    return file.getReadOnlyProperty();
  }

  /** The pipeline as edited. */
  public AugmentPipeline pipeline() {
    return new AugmentPipeline(steps);
  }

  /** Adds an operation with its default parameters at the end. */
  public void add(AugmentKind kind) {
    steps.add(AugmentStep.of(kind));
  }

  public void remove(int index) {
    steps.remove(index);
  }

  /** Moves step {@code index} one place up (−1) or down (+1); false if it is already at that end. */
  public boolean move(int index, int direction) {
    int target = index + direction;
    if (index < 0 || index >= steps.size() || target < 0 || target >= steps.size()) {
      return false;
    }
    steps.setAll(pipeline().moved(index, target).steps());
    return true;
  }

  /**
   * Changes a step; a value out of range changes nothing and {@link #errorProperty()} says why.
   * Returns whether the edit was taken.
   */
  public boolean edit(int index, java.util.function.UnaryOperator<AugmentStep> change) {
    try {
      steps.set(index, change.apply(steps.get(index)));
      return true;
    } catch (RuntimeException e) {
      error.set(UiText.of(e));
      return false;
    }
  }

  /** New random choices for the grid. */
  public void newSamples() {
    seed = new SplittableRandom(seed).nextLong();
    refresh();
  }

  /** Uses an image file of the user's as the source. */
  public void openImage(Path image) {
    AugmentSource s = AugmentSource.file(image);
    sources.removeIf(x -> x.kind() == AugmentSource.Kind.FILE);
    sources.add(s);
    source.set(s);
  }

  /** Writes the pipeline (atomically); the error property says why if it cannot. */
  public void save(Path target) {
    AugmentPipeline p = pipeline();
    try {
      AtomicFiles.writeString(target, AugmentJson.write(p));
      file.set(target);
      error.set(null);
    } catch (IOException e) {
      error.set(UiText.of("transfer.augment.error.write", target, String.valueOf(e.getMessage())));
    }
  }

  /** Replaces the pipeline by the one in {@code pipelineFile}; a bad file changes nothing. */
  public void open(Path pipelineFile) {
    try {
      AugmentPipeline p = AugmentJson.read(pipelineFile);
      steps.setAll(p.steps());
      file.set(pipelineFile);
    } catch (RuntimeException e) {
      error.set(UiText.of(e));
    }
  }

  /** Renders the grid again (in the background). */
  public void refresh() {
    if (source.get() != null) {
      renderer.submit(new Request(pipeline(), source.get(), batch.get(), seed));
    }
  }

  private Result render(Request r) {
    List<Raster> out = new ArrayList<>(GRID);
    if (r.source().kind() == AugmentSource.Kind.DATASET) {
      Dataset data = dataset(r.source().dataset());
      int n = data.train().size();
      SplittableRandom pick = new SplittableRandom(r.seed());
      int first = pick.nextInt(n);
      AugmentImage one = AugmentImage.of(data.train(), first);
      for (int i = 0; i < GRID; i++) {
        AugmentImage image = r.batch() ? AugmentImage.of(data.train(), i == 0 ? first : pick.nextInt(n)) : one;
        out.add(image.augmented(r.pipeline(), r.seed() * 31 + i).raster());
      }
      return new Result(one.raster(), out);
    }
    AugmentImage image = AugmentImage.of(ImageLoader.load(r.source().file()), PREVIEW_SIDE);
    for (int i = 0; i < GRID; i++) {
      out.add(image.augmented(r.pipeline(), r.seed() * 31 + i).raster());
    }
    return new Result(image.raster(), out);
  }

  private Dataset dataset(String name) {
    synchronized (datasets) {
      return datasets.computeIfAbsent(name, n -> new DatasetRegistry(projectHome).load(n,
          DatasetOptions.defaults().withLimit(DATASET_IMAGES).withTestLimit(10)));
    }
  }
}
