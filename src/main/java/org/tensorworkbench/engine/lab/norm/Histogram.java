package org.tensorworkbench.engine.lab.norm;

/**
 * Counts of values in equal-width bins between {@code min} and {@code max} (the last bin includes
 * {@code max}); values outside are not counted. Used to compare a channel before and after
 * normalization on the same axis.
 *
 * @param min the left edge of the first bin
 * @param max the right edge of the last bin
 * @param counts the number of values in each bin
 */
public record Histogram(double min, double max, int[] counts) {

  public static Histogram of(double[] values, int bins, double min, double max) {
    if (bins < 1 || !(max > min)) {
      throw new IllegalArgumentException("need bins >= 1 and max > min, got " + bins + ", " + min + ", " + max);
    }
    int[] counts = new int[bins];
    double width = (max - min) / bins;
    for (double v : values) {
      if (v < min || v > max) {
        continue;
      }
      counts[Math.min(bins - 1, (int) ((v - min) / width))]++;
    }
    return new Histogram(min, max, counts);
  }

  /** A symmetric range {@code [-r, r]} that holds every value (at least [-1, 1]). */
  public static double symmetricRange(double[]... valueSets) {
    double r = 1;
    for (double[] values : valueSets) {
      for (double v : values) {
        r = Math.max(r, Math.abs(v));
      }
    }
    return r;
  }

  public int total() {
    int t = 0;
    for (int c : counts) {
      t += c;
    }
    return t;
  }
}
