package org.tensorworkbench.engine.train;

import java.util.Arrays;

/**
 * Thins a long series for drawing and storing while keeping its shape: the points are cut into
 * equal buckets and each bucket keeps only its lowest and highest point (in their original
 * order). Spikes survive, which plain every-k-th sampling would drop, and a run of hours is
 * drawn from at most {@code maxPoints} points however many iterations it had. The first and the
 * last point are always kept.
 */
public final class MinMaxDecimation {
  private MinMaxDecimation() {}

  /**
   * The indices (ascending) of the points of {@code y} to keep, at most {@code maxPoints}
   * ({@code maxPoints >= 4}); all of them when there are no more than that.
   */
  public static int[] keep(double[] y, int maxPoints) {
    return keep(y, y.length, maxPoints);
  }

  /** As {@link #keep(double[], int)} for the first {@code n} values of {@code y}. */
  public static int[] keep(double[] y, int n, int maxPoints) {
    if (maxPoints < 4) {
      throw new IllegalArgumentException("keep at least 4 points, not " + maxPoints);
    }
    if (n <= maxPoints) {
      int[] all = new int[n];
      Arrays.setAll(all, i -> i);
      return all;
    }
    int buckets = (maxPoints - 2) / 2;
    int[] kept = new int[2 + 2 * buckets];
    int count = 0;
    kept[count++] = 0;
    int inner = n - 2; // points 1 .. n-2 are bucketed
    for (int b = 0; b < buckets; b++) {
      int from = 1 + (int) ((long) inner * b / buckets);
      int to = 1 + (int) ((long) inner * (b + 1) / buckets);
      if (from >= to) {
        continue;
      }
      int min = from;
      int max = from;
      for (int i = from + 1; i < to; i++) {
        if (lower(y[i], y[min])) {
          min = i;
        }
        if (higher(y[i], y[max])) {
          max = i;
        }
      }
      kept[count++] = Math.min(min, max);
      if (min != max) {
        kept[count++] = Math.max(min, max);
      }
    }
    kept[count++] = n - 1;
    return Arrays.copyOf(kept, count);
  }

  // NaN counts as an extreme so that a diverging loss stays visible
  private static boolean lower(double a, double b) {
    return Double.isNaN(a) ? !Double.isNaN(b) : a < b;
  }

  private static boolean higher(double a, double b) {
    return !Double.isNaN(b) && (Double.isNaN(a) || a > b);
  }
}
