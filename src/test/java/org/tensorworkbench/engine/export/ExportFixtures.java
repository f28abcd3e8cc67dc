package org.tensorworkbench.engine.export;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.data.DatasetSplit;
import org.tensorworkbench.engine.data.Normalization;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.io.ModelMetadata;
import org.tensorworkbench.engine.io.NormalizationRecord;

/**
 * Real data for the export tests: Fashion-MNIST images (resized by nearest neighbour and copied
 * to every channel for networks that take other image shapes, e.g. CIFAR's 3x32x32) and the
 * Boston housing table, with a normalization recorded as a trained model records it.
 */
final class ExportFixtures {
  private static final DatasetRegistry REGISTRY = new DatasetRegistry(Path.of(""));
  private static Dataset fashion;
  private static Dataset housing;

  private ExportFixtures() {}

  /** A batch of stored values (bytes 0-255 for images) and its labels, for one network input shape. */
  record Samples(float[] raw, long[] shape, INDArray labels, NormalizationRecord normalization) {
    int count() {
      return (int) shape[0];
    }

    /** What a dataset pipeline yields: raw / divisor (pixels in [0, 1]). */
    float[] yielded() {
      float[] u = raw.clone();
      for (int i = 0; i < u.length; i++) {
        u[i] /= normalization.divisor();
      }
      return u;
    }

    /** What the network sees: the recorded normalization applied. */
    INDArray normalized() {
      Normalization n = normalization.toNormalization();
      int features = raw.length / count();
      float[] x = new float[raw.length];
      for (int i = 0; i < raw.length; i++) {
        x[i] = n.apply(raw[i], i % features);
      }
      return Nd4j.create(x, shape, 'c');
    }

    ModelMetadata metadata(String dataset, List<String> classNames) {
      return new ModelMetadata(dataset, normalization, classNames, java.util.Map.of(), java.util.Map.of("testAccuracy", 0.5), 1, null);
    }
  }

  static synchronized Dataset fashion() {
    if (fashion == null) {
      fashion = REGISTRY.load(DatasetRegistry.FASHION_MNIST, DatasetOptions.defaults());
    }
    return fashion;
  }

  static synchronized Dataset housing() {
    if (housing == null) {
      housing = REGISTRY.load(DatasetRegistry.HOUSING, DatasetOptions.defaults());
    }
    return housing;
  }

  /**
   * {@code n} images of a Fashion-MNIST split from {@code from}, as a network with example shape
   * [C, H, W] takes them, standardized per channel with slightly different means so the
   * normalization's broadcast over channels is exercised.
   */
  static Samples images(DatasetSplit split, int from, int n, int[] exampleShape) {
    int c = exampleShape[0];
    int h = exampleShape[1];
    int w = exampleShape[2];
    float[] raw = new float[n * c * h * w];
    int[] source = split.featureShape(); // [1, 28, 28]
    for (int i = 0; i < n; i++) {
      for (int ch = 0; ch < c; ch++) {
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            int sy = y * source[1] / h;
            int sx = x * source[2] / w;
            raw[((i * c + ch) * h + y) * w + x] = split.rawFeature(from + i, sy * source[2] + sx);
          }
        }
      }
    }
    float[] mean = new float[c];
    float[] std = new float[c];
    for (int ch = 0; ch < c; ch++) {
      mean[ch] = 0.286f + 0.01f * ch;
      std[ch] = 0.353f - 0.01f * ch;
    }
    NormalizationRecord normalization = NormalizationRecord.of(Normalization.standardize(255f, mean, std, h * w));
    INDArray labels = Nd4j.zeros(DataType.FLOAT, n, split.classCount());
    for (int i = 0; i < n; i++) {
      labels.putScalar(i, split.label(from + i), 1f);
    }
    return new Samples(raw, new long[] {n, c, h, w}, labels, normalization);
  }

  /** {@code n} rows of the housing table, standardized with the training split's statistics. */
  static Samples houses(DatasetSplit split, int from, int n) {
    int d = split.featureSize();
    float[] raw = new float[n * d];
    INDArray targets = Nd4j.zeros(DataType.FLOAT, n, 1);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        raw[i * d + j] = split.rawFeature(from + i, j);
      }
      targets.putScalar(i, 0, split.target(from + i));
    }
    return new Samples(raw, new long[] {n, d}, targets, NormalizationRecord.of(housing().normalization()));
  }

  /** Samples of the right kind for a network's input: housing rows for [12], images otherwise. */
  static Samples samples(CompiledNetwork net, boolean training, int from, int n) {
    long[] shape = net.sameDiff().getVariable(net.inputName()).getShape();
    int[] example = Arrays.stream(shape, 1, shape.length).mapToInt(v -> (int) v).toArray();
    if (example.length == 1) {
      Dataset data = housing();
      return houses(training ? data.train() : data.test(), from, n);
    }
    Dataset data = fashion();
    return images(training ? data.train() : data.test(), from, n, example);
  }

  /** Trains {@code batches} Adam steps on real training samples, BatchNorm statistics included. */
  static void train(CompiledNetwork net, int batches, int batchSize) {
    net.sameDiff().setTrainingConfig(TrainingConfig.builder().updater(new Adam(1e-3))
        .dataSetFeatureMapping(net.inputName()).dataSetLabelMapping(net.labelsName()).build());
    net.trainingListeners().forEach(net.sameDiff()::addListeners);
    for (int b = 0; b < batches; b++) {
      Samples s = samples(net, true, b * batchSize, batchSize);
      net.sameDiff().fit(new DataSet(s.normalized(), s.labels()));
    }
  }
}
