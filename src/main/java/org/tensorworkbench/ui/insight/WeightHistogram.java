package org.tensorworkbench.ui.insight;

import java.util.Arrays;
import org.tensorworkbench.engine.inspect.TensorSnapshot;

/**
 * The distribution of one parameter tensor: counts in equal-width bins from its smallest to its
 * largest value, with mean and standard deviation. Watching it over training shows weights
 * spreading out, collapsing to zero (too much weight decay) or exploding.
 *
 * @param name the parameter, e.g. {@code conv1/W}
 * @param shape its shape
 * @param min the smallest value, the left edge of the first bin
 * @param max the largest value, the right edge of the last bin (all values fall in the middle bin when min = max)
 * @param counts values per bin
 * @param mean the mean of the values
 * @param std the (population) standard deviation of the values
 */
record WeightHistogram(String name, int[] shape, double min, double max, int[] counts, double mean, double std) {

  static WeightHistogram of(TensorSnapshot values, int bins) {
    float[] v = values.values();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (float f : v) {
      lo = Math.min(lo, f);
      hi = Math.max(hi, f);
      sum += f;
    }
    if (v.length == 0) {
      lo = 0;
      hi = 0;
    }
    double mean = v.length == 0 ? 0 : sum / v.length;
    double squares = 0;
    for (float f : v) {
      squares += (f - mean) * (f - mean);
    }
    double std = v.length == 0 ? 0 : Math.sqrt(squares / v.length);
    int[] counts = new int[bins];
    if (hi == lo) { // all equal (e.g. biases still at zero): one bar in the middle
      counts[bins / 2] = v.length;
    } else {
      double width = (hi - lo) / bins;
      for (float f : v) {
        counts[Math.min(bins - 1, (int) ((f - lo) / width))]++;
      }
    }
    return new WeightHistogram(values.name(), values.shape(), lo, hi, counts, mean, std);
  }

  /** The number of values counted. */
  int total() {
    return Arrays.stream(counts).sum();
  }

  /** The largest bin count. */
  int peak() {
    return Arrays.stream(counts).max().orElse(0);
  }
}
