package org.tensorworkbench.ui.training;

import java.util.Arrays;
import org.tensorworkbench.engine.train.MinMaxDecimation;

/**
 * A chart series that grows point by point but never holds more than {@code maxPoints}: when it
 * is full it is thinned by {@link MinMaxDecimation} to half, and from then on each bucket of
 * {@code stride} incoming points contributes only its minimum and maximum, the stride doubling
 * with every thinning. A run of hours is drawn from the same few thousand points as a run of
 * seconds, spikes included, and the density stays even along the run. Not thread-safe (FX thread).
 */
public final class DecimatedSeries {
  private final int maxPoints;
  private double[] xs;
  private double[] ys;
  private int size;
  private int stride = 1;
  private long added;
  private long revision;
  private int pendingCount;
  private double minX;
  private double minY;
  private double maxX;
  private double maxY;

  public DecimatedSeries(int maxPoints) {
    if (maxPoints < 8) {
      throw new IllegalArgumentException("at least 8 points: " + maxPoints);
    }
    this.maxPoints = maxPoints;
    this.xs = new double[64];
    this.ys = new double[64];
  }

  /** Appends a point; {@code x} must not decrease. */
  public void add(double x, double y) {
    revision++;
    added++;
    if (stride == 1) {
      append(x, y);
    } else {
      if (pendingCount == 0 || below(y, minY)) {
        minX = x;
        minY = y;
      }
      if (pendingCount == 0 || above(y, maxY)) {
        maxX = x;
        maxY = y;
      }
      if (++pendingCount == stride) {
        flushPending();
      }
    }
    if (size >= maxPoints) {
      thin();
    }
  }

  public void clear() {
    revision++;
    size = 0;
    stride = 1;
    added = 0;
    pendingCount = 0;
  }

  /** Changes with every point added and every {@link #clear}: whether a drawing of it is out of date. */
  public long revision() {
    return revision;
  }

  /** Points added since the start, kept or not. */
  public long added() {
    return added;
  }

  /** Points available for drawing, including the bucket still being filled. */
  public int size() {
    return size + (pendingCount == 0 ? 0 : minX == maxX ? 1 : 2);
  }

  public double x(int i) {
    return i < size ? xs[i] : pendingPoint(i - size, true);
  }

  public double y(int i) {
    return i < size ? ys[i] : pendingPoint(i - size, false);
  }

  /** The last point added (or the bucket's latest extreme), NaN when empty. */
  public double lastY() {
    int n = size();
    return n == 0 ? Double.NaN : y(n - 1);
  }

  private double pendingPoint(int k, boolean wantX) {
    boolean minFirst = minX <= maxX;
    boolean takeMin = (k == 0) == minFirst;
    if (minX == maxX) {
      takeMin = true;
    }
    return wantX ? (takeMin ? minX : maxX) : (takeMin ? minY : maxY);
  }

  private void flushPending() {
    if (minX == maxX) {
      append(minX, minY);
    } else if (minX < maxX) {
      append(minX, minY);
      append(maxX, maxY);
    } else {
      append(maxX, maxY);
      append(minX, minY);
    }
    pendingCount = 0;
  }

  private void append(double x, double y) {
    if (size == xs.length) {
      int capacity = Math.min(Math.max(64, size * 2), maxPoints + 2);
      xs = Arrays.copyOf(xs, capacity);
      ys = Arrays.copyOf(ys, capacity);
    }
    xs[size] = x;
    ys[size] = y;
    size++;
  }

  private void thin() {
    int[] keep = MinMaxDecimation.keep(ys, size, maxPoints / 2);
    for (int i = 0; i < keep.length; i++) {
      xs[i] = xs[keep[i]];
      ys[i] = ys[keep[i]];
    }
    size = keep.length;
    stride = stride == 1 ? 4 : stride * 2;
  }

  private static boolean below(double a, double b) {
    return Double.isNaN(a) ? !Double.isNaN(b) : a < b;
  }

  private static boolean above(double a, double b) {
    return !Double.isNaN(b) && (Double.isNaN(a) || a > b);
  }
}
