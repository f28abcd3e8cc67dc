package org.tensorworkbench.engine.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tensorworkbench.engine.inspect.TensorSnapshot;
import org.tensorworkbench.engine.io.ModelFile;
import org.tensorworkbench.engine.io.Predictor;
import org.tensorworkbench.engine.io.SavedModel;
import org.tensorworkbench.engine.lab.conv.ImageLoader;
import org.tensorworkbench.engine.lab.conv.ImagePlanes;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.OutputSpec;

/**
 * A trained model opened from a file to look at and to try on pictures: a workbench model file
 * ({@code .twmodel}) or an ONNX file ({@code .onnx}, read by {@link OnnxImporter}).
 *
 * <p>A picture is converted as the model's training images were: ImageLoader reads it (PNG,
 * JPEG...), it is reduced to grey (luma) for one-channel models, resized by bilinear
 * interpolation to the input's H x W and scaled to [0, 1]; the model's recorded normalization
 * then maps it as it mapped the training pixels, x = (255·u / divisor − μ) / σ. The prediction
 * is the network's output: class probabilities p_k = exp(z_k) / Σ_j exp(z_j) for classifiers.
 * Methods are synchronized: SameDiff's output is not safe to run twice at once.
 */
public final class OpenedModel {
  private final Path file;
  private final SavedModel model;

  private OpenedModel(Path file, SavedModel model) {
    this.file = file;
    this.model = model;
  }

  /** Opens a .onnx file with the importer and anything else as a model file. */
  public static OpenedModel open(Path file) throws IOException {
    boolean onnx = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ExportFormat.ONNX.extension());
    return new OpenedModel(file, onnx ? OnnxImporter.read(file).compile() : ModelFile.load(file));
  }

  public Path file() {
    return file;
  }

  public NetworkSpec spec() {
    return model.network().spec();
  }

  /** The class names in label order; "0", "1"... when the file names none. */
  public List<String> classNames() {
    List<String> names = model.metadata().classNames();
    int classes = outputSize();
    if (names.size() == classes) {
      return names;
    }
    return java.util.stream.IntStream.range(0, classes).mapToObj(Integer::toString).toList();
  }

  public boolean classifier() {
    return model.network().loss() == OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY;
  }

  /** The shape of one input example, e.g. [1, 28, 28]. */
  public int[] inputShape() {
    long[] shape = model.network().sameDiff().getVariable(model.network().inputName()).getShape();
    return Arrays.stream(shape, 1, shape.length).mapToInt(v -> (int) v).toArray();
  }

  /** Whether the model takes images [C, H, W] with one or three channels. */
  public boolean takesImages() {
    int[] shape = inputShape();
    return shape.length == 3 && (shape[0] == 1 || shape[0] == 3);
  }

  /** The picture in {@code image} as the model sees it before normalization: [C, H, W], values in [0, 1]. */
  public TensorSnapshot imageAsInput(Path image) {
    int[] shape = inputShape();
    if (!takesImages()) {
      throw new ExportException("export.error.notAnImageModel", Arrays.toString(shape));
    }
    ImagePlanes planes = ImageLoader.load(image);
    if (shape[0] == 1) {
      planes = planes.grayscale();
    }
    int h = shape[1];
    int w = shape[2];
    float[] pixels = new float[shape[0] * h * w];
    for (int c = 0; c < shape[0]; c++) {
      int source = planes.channels() == 1 ? 0 : c;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          pixels[(c * h + y) * w + x] = bilinear(planes, source, (y + 0.5) * planes.height() / h - 0.5,
              (x + 0.5) * planes.width() / w - 0.5) / planes.fullScale();
        }
      }
    }
    return new TensorSnapshot(image.getFileName().toString(), pixels, shape);
  }

  /**
   * The network's output for one input in [0, 1] as {@link #imageAsInput} gives it: class
   * probabilities for a classifier, the predicted values otherwise.
   */
  public synchronized double[] predict(TensorSnapshot input) {
    return Predictor.of(model).predictShown(input.values(), input.shape(), null);
  }

  /** Exports the model; see {@link Exporters}. The model's own file is never overwritten. */
  public synchronized List<Path> export(ExportFormat format, Path target) throws IOException {
    Exporters.checkOutputs(format, target, List.of(file));
    return Exporters.export(model, format, target);
  }

  private int outputSize() {
    long[] shape = model.network().sameDiff().getVariable(model.network().labelsName()).getShape();
    return shape.length > 1 ? (int) shape[1] : 1;
  }

  // bilinear interpolation at pixel-centre coordinates, clamped at the border
  private static float bilinear(ImagePlanes p, int c, double y, double x) {
    double cy = Math.max(0, Math.min(p.height() - 1, y));
    double cx = Math.max(0, Math.min(p.width() - 1, x));
    int y0 = (int) Math.floor(cy);
    int x0 = (int) Math.floor(cx);
    int y1 = Math.min(p.height() - 1, y0 + 1);
    int x1 = Math.min(p.width() - 1, x0 + 1);
    double fy = cy - y0;
    double fx = cx - x0;
    double top = p.value(c, y0, x0) * (1 - fx) + p.value(c, y0, x1) * fx;
    double bottom = p.value(c, y1, x0) * (1 - fx) + p.value(c, y1, x1) * fx;
    return (float) (top * (1 - fy) + bottom * fy);
  }
}
