package org.tensorworkbench.engine.io;

import org.tensorworkbench.engine.data.Normalization;

/**
 * A {@link Normalization} as plain values for a model file:
 * x = (raw / divisor − mean[g]) / std[g] with g the feature's group of {@code groupSize}
 * consecutive features (a colour channel of an image, or one table column).
 */
public record NormalizationRecord(Normalization.Kind kind, float divisor, float[] mean, float[] std, int groupSize) {

  public static NormalizationRecord of(Normalization n) {
    return new NormalizationRecord(n.kind(), n.divisor(), n.mean(), n.std(), n.groupSize());
  }

  /** The same map again. */
  public Normalization toNormalization() {
    return switch (kind) {
      case NONE -> Normalization.none(mean.length * groupSize);
      case DIVIDE -> Normalization.divide(divisor, mean.length, groupSize);
      case STANDARDIZE -> Normalization.standardize(divisor, mean, std, groupSize);
      case MIN_MAX -> {
        float[] max = new float[mean.length];
        for (int i = 0; i < max.length; i++) {
          max[i] = mean[i] + std[i];
        }
        yield Normalization.minMax(mean, max);
      }
    };
  }
}
