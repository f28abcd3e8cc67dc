package org.tensorworkbench.engine.data;

import java.util.Arrays;
import org.tensorworkbench.i18n.Messages;

/**
 * The stated, reversible map from stored feature values to the values a network sees:
 *
 * <pre>  x = (raw / divisor - mean[g]) / std[g]        raw = (x * std[g] + mean[g]) * divisor</pre>
 *
 * where {@code g} is the feature's group: a colour channel for images (all {@code H*W} pixels
 * of a channel share mean and std, as in torchvision's {@code Normalize}), a single column for
 * tables (d2l 5.7's feature standardization). Means and deviations are always computed on the
 * training split only, so validation and test data never leak into them.
 *
 * <p>Images: {@link Kind#DIVIDE} maps bytes 0-255 to [0, 1] (d2l's {@code ToTensor});
 * {@link Kind#STANDARDIZE} additionally subtracts the channel mean and divides by its standard
 * deviation. Tables: {@link Kind#STANDARDIZE} gives each column mean 0 and variance 1;
 * {@link Kind#MIN_MAX} maps each column's training range to [0, 1].
 */
public final class Normalization {
  /** Which of the stated maps this is (it decides only how it is described). */
  public enum Kind { NONE, DIVIDE, STANDARDIZE, MIN_MAX }

  private final Kind kind;
  private final float divisor;
  private final float[] mean;
  private final float[] std;
  private final int groupSize;
  private final float[] scale;
  private final float[] shift;

  private Normalization(Kind kind, float divisor, float[] mean, float[] std, int groupSize) {
    if (mean.length != std.length || groupSize <= 0) {
      throw new IllegalArgumentException("mean/std lengths differ or group size " + groupSize);
    }
    this.kind = kind;
    this.divisor = divisor;
    this.mean = mean.clone();
    this.std = std.clone();
    this.groupSize = groupSize;
    int features = mean.length * groupSize;
    this.scale = new float[features];
    this.shift = new float[features];
    for (int j = 0; j < features; j++) {
      int g = j / groupSize;
      float s = this.std[g] == 0f ? 1f : this.std[g];
      scale[j] = 1f / (divisor * s);
      shift[j] = -this.mean[g] / s;
    }
  }

  /** Features passed as stored. */
  public static Normalization none(int features) {
    return new Normalization(Kind.NONE, 1f, new float[features], filled(features, 1f), 1);
  }

  /** Each value divided by {@code divisor}: 255 maps image bytes to [0, 1]. */
  public static Normalization divide(float divisor, int channels, int pixelsPerChannel) {
    return new Normalization(Kind.DIVIDE, divisor, new float[channels], filled(channels, 1f), pixelsPerChannel);
  }

  /**
   * Divided by {@code divisor}, then standardized per group with the given mean and standard
   * deviation (of the divided values). A zero deviation (a constant column) is treated as 1.
   */
  public static Normalization standardize(float divisor, float[] mean, float[] std, int groupSize) {
    return new Normalization(Kind.STANDARDIZE, divisor, mean, std, groupSize);
  }

  /** Each column mapped from its training range [min, max] to [0, 1]. */
  public static Normalization minMax(float[] min, float[] max) {
    float[] range = new float[min.length];
    for (int i = 0; i < min.length; i++) {
      range[i] = max[i] - min[i];
    }
    return new Normalization(Kind.MIN_MAX, 1f, min, range, 1);
  }

  public Kind kind() {
    return kind;
  }

  /** The divisor applied first (255 for images, else 1). */
  public float divisor() {
    return divisor;
  }

  /** The mean subtracted per group, after dividing (zeros when not standardizing). */
  public float[] mean() {
    return mean.clone();
  }

  /** The deviation divided by per group (ones when not standardizing). */
  public float[] std() {
    return std.clone();
  }

  /** The number of consecutive features sharing one mean and std ({@code H*W} for images). */
  public int groupSize() {
    return groupSize;
  }

  /** The number of features per sample this normalization covers. */
  public int features() {
    return scale.length;
  }

  /** The network's value of stored value {@code raw} at feature index {@code feature}. */
  public float apply(float raw, int feature) {
    return raw * scale[feature] + shift[feature];
  }

  /** The stored value that normalizes to {@code x} at feature index {@code feature}. */
  public float invert(float x, int feature) {
    return (x - shift[feature]) / scale[feature];
  }

  /** Normalizes one sample in place ({@code row.length == features()}). */
  public void applyInPlace(float[] row) {
    for (int j = 0; j < row.length; j++) {
      row[j] = row[j] * scale[j] + shift[j];
    }
  }

  /** Undoes {@link #applyInPlace} on one sample. */
  public void invertInPlace(float[] row) {
    for (int j = 0; j < row.length; j++) {
      row[j] = (row[j] - shift[j]) / scale[j];
    }
  }

  /** Per-feature multiplier of the stored value (the fast path for batches). */
  float scaleAt(int feature) {
    return scale[feature];
  }

  /** Per-feature offset added after the multiplier. */
  float shiftAt(int feature) {
    return shift[feature];
  }

  /** What is applied, in the current language, e.g. "x = pixel / 255 (0-255 to [0, 1])". */
  public String describe() {
    return switch (kind) {
      case NONE -> Messages.get("data.norm.none");
      case DIVIDE -> Messages.get("data.norm.divide", divisor);
      case MIN_MAX -> Messages.get("data.norm.minMax", mean.length);
      case STANDARDIZE -> divisor != 1f
          ? Messages.get("data.norm.standardizeImages", divisor, list(mean), list(std))
          : Messages.get("data.norm.standardizeColumns", mean.length);
    };
  }

  private static String list(float[] values) {
    StringBuilder text = new StringBuilder();
    for (float v : values) {
      text.append(text.length() == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.4f", v));
    }
    return text.toString();
  }

  private static float[] filled(int n, float value) {
    float[] a = new float[n];
    Arrays.fill(a, value);
    return a;
  }
}
