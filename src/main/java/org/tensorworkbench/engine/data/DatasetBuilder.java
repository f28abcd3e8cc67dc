package org.tensorworkbench.engine.data;

import java.util.Arrays;
import java.util.List;

/**
 * Assembles a {@link Dataset} from loaded samples: limits, the held-out test and validation
 * splits (seeded), and the normalization fitted on what remains for training.
 */
final class DatasetBuilder {
  /** Random streams of {@link EpochOrder} reserved for splitting (epochs count up from 0). */
  private static final int TEST_STREAM = -1;
  private static final int VALIDATION_STREAM = -2;

  String name;
  String descriptionKey;
  Object[] descriptionArgs = new Object[0];
  Task task;
  int[] featureShape;
  List<String> featureNames = List.of();
  String targetName = "class";
  List<String> classNames = List.of();
  String classKeyPrefix;
  int scatterX = -1;
  int scatterY = -1;
  double defaultTestFraction = 0.2;
  DatasetOptions.Scaling tableScaling = DatasetOptions.Scaling.STANDARDIZE;
  private Part trainPart;
  private Part testPart;

  /** Samples as loaded, before splitting. */
  private record Part(FeatureStore store, int[] labels, float[] targets) {}

  DatasetBuilder(String name, Task task, int[] featureShape) {
    this.name = name;
    this.task = task;
    this.featureShape = featureShape.clone();
  }

  DatasetBuilder description(String key, Object... args) {
    this.descriptionKey = key;
    this.descriptionArgs = args.clone();
    return this;
  }

  /** The training samples (all of them; limits and splits are applied in {@link #build}). */
  DatasetBuilder train(FeatureStore store, int[] labels, float[] targets) {
    this.trainPart = new Part(store, labels, targets);
    return this;
  }

  /** The official test samples; without them a share of the training samples is held out. */
  DatasetBuilder test(FeatureStore store, int[] labels, float[] targets) {
    this.testPart = new Part(store, labels, targets);
    return this;
  }

  DatasetBuilder generated(SyntheticData data) {
    FeatureStore store = new FeatureStore.Floats(data.features(), data.columns());
    return train(store, data.labels(), data.targets());
  }

  private DatasetSplit split(String splitName, Part part) {
    int features = part.store().rowSize();
    return new DatasetSplit(splitName, part.store(), featureShape, task, part.labels(), part.targets(), classNames,
        Normalization.none(features));
  }

  Dataset build(DatasetOptions options) {
    DatasetSplit train = split("train", trainPart);
    DatasetSplit test = testPart == null ? null : split("test", testPart);
    if (test == null) {
      int n = train.size();
      int testCount = (int) Math.round(n * options.testFractionOr(defaultTestFraction));
      int[] order = EpochOrder.shuffled(n, options.seed(), TEST_STREAM);
      test = train.select("test", sorted(Arrays.copyOfRange(order, 0, testCount)));
      train = train.select("train", sorted(Arrays.copyOfRange(order, testCount, n)));
    }
    if (options.limit() > 0 && options.limit() < train.size()) {
      train = train.select("train", EpochOrder.identity(options.limit()));
    }
    if (options.testLimit() > 0 && options.testLimit() < test.size()) {
      test = test.select("test", EpochOrder.identity(options.testLimit()));
    }
    int n = train.size();
    int validationCount = (int) Math.round(n * options.validationFraction());
    int[] order = EpochOrder.shuffled(n, options.seed(), VALIDATION_STREAM);
    DatasetSplit validation = train.select("validation", sorted(Arrays.copyOfRange(order, 0, validationCount)));
    if (validationCount > 0) {
      train = train.select("train", sorted(Arrays.copyOfRange(order, validationCount, n)));
    }
    if (train.size() == 0) {
      throw new DatasetException("data.error.noTrainingSamples", name);
    }
    Normalization normalization = fit(train, options.scaling());
    return new Dataset(this, train.withNormalization(normalization), validation.withNormalization(normalization),
        test.withNormalization(normalization), normalization);
  }

  private Normalization fit(DatasetSplit train, DatasetOptions.Scaling scaling) {
    boolean images = featureShape.length == 3;
    FeatureStore store = train.store();
    int f = store.rowSize();
    if (images) {
      int channels = featureShape[0];
      int pixels = f / channels;
      return switch (scaling) {
        case RAW -> Normalization.none(f);
        case AUTO, UNIT_RANGE -> Normalization.divide(255f, channels, pixels);
        case STANDARDIZE -> {
          float[][] stats = groupStats(store, channels, pixels, 255f);
          yield Normalization.standardize(255f, stats[0], stats[1], pixels);
        }
      };
    }
    DatasetOptions.Scaling chosen = scaling == DatasetOptions.Scaling.AUTO ? tableScaling : scaling;
    return switch (chosen) {
      case AUTO, RAW -> Normalization.none(f);
      case STANDARDIZE -> {
        float[][] stats = groupStats(store, f, 1, 1f);
        yield Normalization.standardize(1f, stats[0], stats[1], 1);
      }
      case UNIT_RANGE -> {
        float[] min = new float[f];
        float[] max = new float[f];
        Arrays.fill(min, Float.POSITIVE_INFINITY);
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
        for (int r = 0; r < store.rows(); r++) {
          for (int j = 0; j < f; j++) {
            float v = store.raw(r, j);
            min[j] = Math.min(min[j], v);
            max[j] = Math.max(max[j], v);
          }
        }
        yield Normalization.minMax(min, max);
      }
    };
  }

  /**
   * Mean and sample standard deviation (divisor n - 1, as pandas' {@code std} in d2l 5.7) of
   * {@code value / divisor} per group of {@code groupSize} consecutive features.
   */
  private static float[][] groupStats(FeatureStore store, int groups, int groupSize, float divisor) {
    double[] sum = new double[groups];
    double[] sumSq = new double[groups];
    for (int r = 0; r < store.rows(); r++) {
      for (int g = 0; g < groups; g++) {
        double s = 0;
        double s2 = 0;
        for (int j = g * groupSize; j < (g + 1) * groupSize; j++) {
          double v = store.raw(r, j) / divisor;
          s += v;
          s2 += v * v;
        }
        sum[g] += s;
        sumSq[g] += s2;
      }
    }
    long count = (long) store.rows() * groupSize;
    float[] mean = new float[groups];
    float[] std = new float[groups];
    for (int g = 0; g < groups; g++) {
      double m = sum[g] / count;
      double variance = count > 1 ? Math.max(0, (sumSq[g] - count * m * m) / (count - 1)) : 0;
      mean[g] = (float) m;
      std[g] = (float) Math.sqrt(variance);
    }
    return new float[][] {mean, std};
  }

  private static int[] sorted(int[] rows) {
    Arrays.sort(rows);
    return rows;
  }
}
