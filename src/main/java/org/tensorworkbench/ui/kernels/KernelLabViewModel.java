package org.tensorworkbench.ui.kernels;

import org.tensorworkbench.engine.image.Raster;
import org.tensorworkbench.ui.common.UiText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tensorworkbench.engine.lab.conv.Activation;
import org.tensorworkbench.engine.lab.conv.ChannelMode;
import org.tensorworkbench.engine.lab.conv.ConvLab;
import org.tensorworkbench.engine.lab.conv.ConvLabException;
import org.tensorworkbench.engine.lab.conv.ConvLabRequest;
import org.tensorworkbench.engine.lab.conv.ConvLabResult;
import org.tensorworkbench.engine.lab.conv.ConvParams;
import org.tensorworkbench.engine.lab.conv.ConvShape;
import org.tensorworkbench.engine.lab.conv.DisplayMode;
import org.tensorworkbench.engine.lab.conv.ImagePlanes;
import org.tensorworkbench.engine.lab.conv.Kernel2d;
import org.tensorworkbench.engine.lab.conv.KernelPreset;
import org.tensorworkbench.engine.lab.conv.OpCounts;
import org.tensorworkbench.engine.lab.conv.PoolSpec;
import org.tensorworkbench.engine.lab.conv.SyntheticImage;
import org.tensorworkbench.engine.lab.conv.WindowExplanation;
import org.tensorworkbench.ui.common.LessonTarget;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.LatestRequest;
import org.tensorworkbench.ui.common.UiExecutor;

/**
 * The Kernel Lab's state and logic, without any node: image, kernel, padding, stride, dilation,
 * channels, bias, activation, pooling and display. Every change recomputes the output in the
 * background with "latest wins"; the texts (shape formula, operation counts, value range) follow
 * the result and the language.
 */
final class KernelLabViewModel {
  /** The batch size the operation counts are also given for, as in the course's homework. */
  static final int BATCH = 10;

  private final UiExecutor executor;
  private final ObservableList<ImageSource> sources = FXCollections.observableArrayList();
  private final ObjectProperty<ImageSource> source = new SimpleObjectProperty<>();
  private final ReadOnlyObjectWrapper<ImagePlanes> image = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Raster> inputPixels = new ReadOnlyObjectWrapper<>();

  private final ObjectProperty<KernelPreset> preset = new SimpleObjectProperty<>(KernelPreset.SOBEL_X);
  private final IntegerProperty kernelRows = new SimpleIntegerProperty(3);
  private final IntegerProperty kernelCols = new SimpleIntegerProperty(3);
  private final DoubleProperty sigma = new SimpleDoubleProperty(1.0);
  private final ObjectProperty<Kernel2d> kernel = new SimpleObjectProperty<>(KernelPreset.SOBEL_X.build(3, 1));

  private final IntegerProperty padding = new SimpleIntegerProperty(1);
  private final IntegerProperty stride = new SimpleIntegerProperty(1);
  private final IntegerProperty dilation = new SimpleIntegerProperty(1);
  private final ObjectProperty<ChannelMode> channelMode = new SimpleObjectProperty<>(ChannelMode.GRAYSCALE);
  private final DoubleProperty bias = new SimpleDoubleProperty(0);
  private final ObjectProperty<Activation> activation = new SimpleObjectProperty<>(Activation.NONE);
  private final ObjectProperty<PoolChoice> pool = new SimpleObjectProperty<>(PoolChoice.NONE);
  private final IntegerProperty poolWindow = new SimpleIntegerProperty(2);
  private final IntegerProperty poolStride = new SimpleIntegerProperty(2);
  private final ObjectProperty<DisplayMode> display = new SimpleObjectProperty<>(DisplayMode.ABS);
  private final IntegerProperty shownChannel = new SimpleIntegerProperty(ConvLabRequest.ALL_CHANNELS);

  private final ReadOnlyObjectWrapper<ConvLabResult> result = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyLongWrapper computeMicros = new ReadOnlyLongWrapper();
  private final ReadOnlyObjectWrapper<WindowExplanation> explanation = new ReadOnlyObjectWrapper<>();
  private final int[] selected = {0, 0, 0};

  private final LatestRequest<ConvLabRequest, TimedResult> runner;
  private final LatestRequest<ImageSource, ImagePlanes> loader;
  private boolean applyingPreset;

  private record TimedResult(ConvLabResult result, long micros) {}

  KernelLabViewModel(UiExecutor executor, Path imagesFolder) {
    this.executor = executor;
    this.runner = new LatestRequest<>(executor, KernelLabViewModel::timed, this::show, this::fail);
    this.loader = new LatestRequest<>(executor, ImageSource::load, this::imageLoaded, this::fail);
    sources.addAll(photos(imagesFolder));
    for (SyntheticImage s : SyntheticImage.values()) {
      sources.add(ImageSource.synthetic(s));
    }

    preset.addListener((obs, old, p) -> rebuildFromPreset());
    sigma.addListener((obs, old, s) -> rebuildFromPreset());
    kernelRows.addListener((obs, old, r) -> resize(r.intValue(), squarePreset() ? r.intValue() : kernelCols.get()));
    kernelCols.addListener((obs, old, c) -> resize(squarePreset() ? c.intValue() : kernelRows.get(), c.intValue()));
    Observable[] inputs = {kernel, padding, stride, dilation, bias, activation, pool, poolWindow, poolStride,
        display, shownChannel};
    for (Observable o : inputs) {
      o.addListener(x -> recompute());
    }
    channelMode.addListener((obs, old, m) -> {
      shownChannel.set(ConvLabRequest.ALL_CHANNELS);
      renderInput();
      recompute();
    });
    source.addListener((obs, old, s) -> {
      if (s != null) {
        loader.submit(s);
      }
    });
  }

  private static Stream<ImageSource> photosIn(Path folder) throws IOException {
    return Files.list(folder)
        .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.(png|jpe?g)"))
        .sorted()
        .map(ImageSource::photo);
  }

  private static java.util.List<ImageSource> photos(Path folder) {
    if (!Files.isDirectory(folder)) {
      return java.util.List.of();
    }
    try (Stream<ImageSource> s = photosIn(folder)) {
      return s.toList();
    } catch (IOException e) {
      org.slf4j.LoggerFactory.getLogger(KernelLabViewModel.class).warn("photos in {} not listed: {}", folder, e.toString());
      return java.util.List.of();
    }
  }

  private static TimedResult timed(ConvLabRequest request) {
    long t0 = System.nanoTime();
    ConvLabResult r = ConvLab.run(request);
    return new TimedResult(r, (System.nanoTime() - t0) / 1000);
  }

  // --- actions ---

  /** Picks an input; photographs and files are read in the background. */
  void choose(ImageSource s) {
    source.set(s);
  }

  /** Opens an image file the user chose or dropped; it joins the list of sources. */
  void openFile(Path file) {
    ImageSource s = ImageSource.file(file);
    sources.removeIf(existing -> existing.kind() == ImageSource.Kind.FILE && existing.file().equals(file));
    sources.add(s);
    source.set(s);
  }

  /**
   * Puts the lab into a lesson's state: {@code image} ({@code synthetic:<name>} or a bundled
   * photo's name without extension), {@code kernel} (a preset's id or weights such as {@code
   * 1,-1}, rows separated by {@code ;}), {@code padding}, {@code stride}, {@code dilation} ({@code
   * n}, or {@code h,w} with h = w: the lab's geometry is square), {@code channels} and {@code
   * pool} ({@code none}, {@code max:2}, {@code avg:2}). Every value is checked before any is set.
   */
  void applyPreset(Map<String, String> values) {
    List<Runnable> changes = new java.util.ArrayList<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      String key = e.getKey();
      String value = e.getValue().strip();
      switch (key) {
        case "image" -> {
          ImageSource s = imageNamed(value).orElseThrow(() -> LessonTarget.badValue(key, value));
          changes.add(() -> source.set(s));
        }
        case "kernel" -> {
          Kernel2d k;
          KernelPreset p;
          try {
            p = Character.isLetter(value.charAt(0)) ? KernelPreset.byId(value) : null;
            k = p == null ? Kernel2d.parse(value) : null;
          } catch (ConvLabException | StringIndexOutOfBoundsException ex) {
            throw LessonTarget.badValue(key, value);
          }
          changes.add(() -> {
            if (p != null) {
              preset.set(p);
            } else {
              useKernel(k);
            }
          });
        }
        case "padding" -> {
          int n = squareValue(key, value, 0, 20);
          changes.add(() -> padding.set(n));
        }
        case "stride" -> {
          int n = squareValue(key, value, 1, 10);
          changes.add(() -> stride.set(n));
        }
        case "dilation" -> {
          int n = squareValue(key, value, 1, 6);
          changes.add(() -> dilation.set(n));
        }
        case "channels" -> {
          ChannelMode m;
          try {
            m = ChannelMode.byId(value);
          } catch (ConvLabException ex) {
            throw LessonTarget.badValue(key, value);
          }
          changes.add(() -> channelMode.set(m));
        }
        case "pool" -> changes.add(poolChange(key, value));
        default -> throw LessonTarget.unknownKey(key);
      }
    }
    changes.forEach(Runnable::run);
  }

  private Runnable poolChange(String key, String value) {
    if (value.equals("none")) {
      return () -> pool.set(PoolChoice.NONE);
    }
    String[] parts = value.split(":");
    if (parts.length != 2 || !(parts[0].equals("max") || parts[0].equals("avg"))) {
      throw LessonTarget.badValue(key, value);
    }
    PoolChoice choice = parts[0].equals("max") ? PoolChoice.MAX : PoolChoice.AVG;
    int window = LessonTarget.wholeNumber(key, parts[1], 1, 8);
    return () -> {
      poolWindow.set(window);
      poolStride.set(window);
      pool.set(choice);
    };
  }

  private static int squareValue(String key, String value, int min, int max) {
    String[] parts = value.split(",");
    if (parts.length == 2 && parts[0].strip().equals(parts[1].strip())) {
      return LessonTarget.wholeNumber(key, parts[0], min, max);
    }
    if (parts.length != 1) {
      throw LessonTarget.badValue(key, value);
    }
    return LessonTarget.wholeNumber(key, value, min, max);
  }

  /** {@code synthetic:boundary} (also {@code boundary-transposed}, {@code pixel}) or a photo's name. */
  private Optional<ImageSource> imageNamed(String name) {
    if (name.startsWith("synthetic:")) {
      String id = switch (name.substring("synthetic:".length())) {
        case "boundary-transposed" -> SyntheticImage.BOUNDARY_TRANSPOSED.id();
        case "pixel" -> SyntheticImage.IMPULSE.id();
        default -> name.substring("synthetic:".length());
      };
      return sources.stream().filter(s -> s.kind() == ImageSource.Kind.SYNTHETIC && s.synthetic().id().equals(id))
          .findFirst();
    }
    return sources.stream().filter(s -> s.kind() == ImageSource.Kind.PHOTO)
        .filter(s -> s.file().getFileName().toString().replaceFirst("\\.[^.]+$", "").equals(name)).findFirst();
  }

  /** Uses {@code k} as a custom kernel (no preset). */
  private void useKernel(Kernel2d k) {
    applyingPreset = true;
    try {
      preset.set(null);
      kernelRows.set(k.rows());
      kernelCols.set(k.cols());
    } finally {
      applyingPreset = false;
    }
    kernel.set(k);
  }

  /**
   * What a lesson can check: the input's, kernel's, padding's and stride's height and width, and
   * the convolution's output height and width (absent when the kernel does not fit).
   */
  Map<String, Object> lessonFacts() {
    Map<String, Object> facts = new java.util.LinkedHashMap<>();
    Kernel2d k = kernel.get();
    facts.put("kernel.height", k.rows());
    facts.put("kernel.width", k.cols());
    facts.put("padding.height", padding.get());
    facts.put("padding.width", padding.get());
    facts.put("stride.height", stride.get());
    facts.put("stride.width", stride.get());
    ImagePlanes img = image.get();
    if (img != null) {
      facts.put("input.height", img.height());
      facts.put("input.width", img.width());
      try {
        facts.put("output.height", ConvShape.of(img.height(), k.rows(), padding.get(), stride.get(), dilation.get()).out());
        facts.put("output.width", ConvShape.of(img.width(), k.cols(), padding.get(), stride.get(), dilation.get()).out());
      } catch (ConvLabException e) {
        // the kernel does not fit the padded input: there is no output to report
      }
    }
    return facts;
  }

  /** Edits one weight of the grid: the kernel becomes a custom one. */
  void setWeight(int row, int col, float value) {
    Kernel2d k = kernel.get();
    if (k.at(row, col) == value) {
      return;
    }
    applyingPreset = true;
    preset.set(null);
    applyingPreset = false;
    kernel.set(k.with(row, col, value));
  }

  /** Points at output value (channel, row, col) of the convolution stage: its window is explained. */
  void select(int channel, int row, int col) {
    selected[0] = channel;
    selected[1] = row;
    selected[2] = col;
    explain();
  }

  // --- reactions ---

  private void rebuildFromPreset() {
    KernelPreset p = preset.get();
    if (p == null || applyingPreset) {
      return;
    }
    applyingPreset = true;
    try {
      Kernel2d k = p.build(kernelRows.get(), sigma.get());
      kernelRows.set(k.rows());
      kernelCols.set(k.cols());
      kernel.set(k);
    } catch (ConvLabException e) {
      error.set(UiText.of(e).get());
    } finally {
      applyingPreset = false;
    }
  }

  private boolean squarePreset() {
    return preset.get() != null && preset.get().sizeable();
  }

  /**
   * Gives the kernel a new shape: identity, box and Gaussian are rebuilt at a square size, any
   * other kernel keeps its overlapping weights and becomes a custom one.
   */
  void resize(int rows, int cols) {
    if (applyingPreset) {
      return;
    }
    applyingPreset = true;
    try {
      KernelPreset p = preset.get();
      Kernel2d k = p != null && p.sizeable() && rows == cols
          ? p.build(rows, sigma.get())
          : kernel.get().resized(rows, cols);
      if (p != null && !(p.sizeable() && rows == cols)) {
        preset.set(null);
      }
      kernelRows.set(k.rows());
      kernelCols.set(k.cols());
      kernel.set(k);
    } catch (ConvLabException e) {
      error.set(UiText.of(e).get());
    } finally {
      applyingPreset = false;
    }
  }

  private void imageLoaded(ImagePlanes img) {
    image.set(img);
    error.set("");
    renderInput();
    recompute();
  }

  private void renderInput() {
    if (image.get() != null) {
      inputPixels.set(ConvLab.renderInput(image.get(), channelMode.get()));
    }
  }

  private void recompute() {
    ImagePlanes img = image.get();
    if (img == null) {
      return;
    }
    ConvLabRequest request;
    try {
      Optional<PoolSpec> poolSpec = pool.get() == PoolChoice.NONE
          ? Optional.empty()
          : Optional.of(new PoolSpec(pool.get().type(), poolWindow.get(), poolStride.get()));
      request = new ConvLabRequest(img, channelMode.get(), kernel.get(), (float) bias.get(),
          ConvParams.square(padding.get(), stride.get(), dilation.get()), activation.get(), poolSpec,
          display.get(), shownChannel.get());
    } catch (ConvLabException e) {
      error.set(UiText.of(e).get());
      return;
    }
    runner.submit(request);
  }

  private void show(TimedResult timed) {
    result.set(timed.result());
    computeMicros.set(timed.micros());
    error.set("");
    explain();
  }

  private void fail(Throwable t) {
    error.set(UiText.of(t).get());
  }

  private void explain() {
    ConvLabResult r = result.get();
    if (r == null) {
      explanation.set(null);
      return;
    }
    int[] shape = r.convShape();
    int c = Math.min(selected[0], shape[1] - 1);
    int row = Math.min(selected[1], shape[2] - 1);
    int col = Math.min(selected[2], shape[3] - 1);
    explanation.set(r.explain(c, row, col));
  }

  // --- texts ---

  /** The output-size formula for both axes with the numbers, and the shapes. */
  StringBinding shapeText() {
    return Bindings.createStringBinding(() -> {
      ConvLabResult r = result.get();
      if (r == null) {
        return "";
      }
      StringBuilder sb = new StringBuilder();
      sb.append(formula("kernels.shape.height", r.rows())).append('\n');
      sb.append(formula("kernels.shape.width", r.cols())).append('\n');
      sb.append(I18n.get("kernels.shape.conv", Arrays.toString(r.input().shape()), Arrays.toString(r.convShape())));
      r.poolRows().ifPresent(pr -> sb.append('\n').append(I18n.get("kernels.shape.pool",
          pr.k(), pr.s(), Arrays.toString(r.outputShape()))));
      return sb.toString();
    }, result, I18n.localeProperty());
  }

  private static String formula(String axisKey, ConvShape s) {
    return I18n.get("kernels.shape.formula", I18n.get(axisKey), s.n(), s.p(), s.d(), s.k(), s.s(), s.out());
  }

  /** Multiplications and additions for this image and for a batch of {@link #BATCH}. */
  StringBinding opsText() {
    return Bindings.createStringBinding(() -> {
      ConvLabResult r = result.get();
      if (r == null) {
        return "";
      }
      OpCounts plain = r.opCounts(false);
      OpCounts withBias = r.opCounts(true);
      return I18n.get("kernels.ops.image", plain.multiplications(), plain.additions(), withBias.additions()) + '\n'
          + I18n.get("kernels.ops.batch", BATCH, plain.times(BATCH).multiplications(), plain.times(BATCH).additions(),
              withBias.times(BATCH).additions()) + '\n'
          + I18n.get("kernels.ops.rule", r.layer().inChannels(), r.layer().height(), r.layer().width());
    }, result, I18n.localeProperty());
  }

  StringBinding rangeText() {
    return Bindings.createStringBinding(() -> {
      ConvLabResult r = result.get();
      return r == null ? "" : I18n.get("kernels.output.range", r.min(), r.max()) + "   "
          + I18n.get("kernels.output.time", computeMicros.get() / 1000.0);
    }, result, computeMicros, I18n.localeProperty());
  }

  // --- properties ---

  ObservableList<ImageSource> sources() {
    return sources;
  }

  ObjectProperty<ImageSource> sourceProperty() {
    return source;
  }

  ReadOnlyObjectProperty<ImagePlanes> imageProperty() {
    return image.getReadOnlyProperty();
  }

  ReadOnlyObjectProperty<Raster> inputPixelsProperty() {
    return inputPixels.getReadOnlyProperty();
  }

  ObjectProperty<KernelPreset> presetProperty() {
    return preset;
  }

  IntegerProperty kernelRowsProperty() {
    return kernelRows;
  }

  IntegerProperty kernelColsProperty() {
    return kernelCols;
  }

  DoubleProperty sigmaProperty() {
    return sigma;
  }

  ObjectProperty<Kernel2d> kernelProperty() {
    return kernel;
  }

  IntegerProperty paddingProperty() {
    return padding;
  }

  IntegerProperty strideProperty() {
    return stride;
  }

  IntegerProperty dilationProperty() {
    return dilation;
  }

  ObjectProperty<ChannelMode> channelModeProperty() {
    return channelMode;
  }

  DoubleProperty biasProperty() {
    return bias;
  }

  ObjectProperty<Activation> activationProperty() {
    return activation;
  }

  ObjectProperty<PoolChoice> poolProperty() {
    return pool;
  }

  IntegerProperty poolWindowProperty() {
    return poolWindow;
  }

  IntegerProperty poolStrideProperty() {
    return poolStride;
  }

  ObjectProperty<DisplayMode> displayProperty() {
    return display;
  }

  IntegerProperty shownChannelProperty() {
    return shownChannel;
  }

  ReadOnlyObjectProperty<ConvLabResult> resultProperty() {
    return result.getReadOnlyProperty();
  }

  ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  ReadOnlyLongProperty computeMicrosProperty() {
    return computeMicros.getReadOnlyProperty();
  }

  ReadOnlyObjectProperty<WindowExplanation> explanationProperty() {
    return explanation.getReadOnlyProperty();
  }

  UiExecutor executor() {
    return executor;
  }
}
