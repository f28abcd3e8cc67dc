package org.tensorworkbench.ui.training;

import java.util.Arrays;

/**
 * The time the FX thread spends per frame on the Training screen's work (draining events,
 * updating the curves and tiles, redrawing): the screen must stay well inside a 16 ms frame. The
 * last {@value #CAPACITY} frames are kept; median and 99th percentile are read from them.
 */
public final class FrameTimer {
  static final int CAPACITY = 4096;
  private final long[] nanos = new long[CAPACITY];
  private long count;

  public void record(long frameNanos) {
    nanos[(int) (count % CAPACITY)] = frameNanos;
    count++;
  }

  /** Frames recorded since the start (or the last {@link #reset}). */
  public long count() {
    return count;
  }

  public void reset() {
    count = 0;
  }

  /** The {@code p}-th percentile (0 to 100) of the kept frames, in milliseconds (nearest rank); NaN if none. */
  public double percentileMillis(double p) {
    int n = (int) Math.min(count, CAPACITY);
    if (n == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, n);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * n);
    return sorted[Math.max(0, Math.min(n - 1, rank - 1))] / 1e6;
  }
}
