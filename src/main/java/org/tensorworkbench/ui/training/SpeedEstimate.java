package org.tensorworkbench.ui.training;

/**
 * How fast a run goes and how long it has left, for the tiles. The pace is measured on the wall
 * clock over windows of a few seconds of minibatches (listeners, snapshots and evaluation
 * included); until the first window closes it falls back to an exponential average (weight 0.1)
 * of the speed of single minibatches, which leaves those out. A pause restarts the window.
 */
final class SpeedEstimate {
  /** How long a measuring window lasts. */
  static final long WINDOW_NANOS = 3_000_000_000L;

  private double smoothedExamplesPerSecond = Double.NaN;
  private long windowStartNanos;
  private long windowStartIterations;
  private double iterationsPerSecond = Double.NaN;

  /** Forgets everything: a new run starts. */
  void reset() {
    smoothedExamplesPerSecond = Double.NaN;
    iterationsPerSecond = Double.NaN;
    windowStartNanos = 0;
    windowStartIterations = 0;
  }

  /** Takes the speed one minibatch reports of itself (examples per second, compute only). */
  void minibatch(double examplesPerSecond) {
    smoothedExamplesPerSecond = Double.isNaN(smoothedExamplesPerSecond) ? examplesPerSecond
        : 0.9 * smoothedExamplesPerSecond + 0.1 * examplesPerSecond;
  }

  /**
   * Takes the number of minibatches done at {@code nowNanos}.
   *
   * @param paused whether the run was paused: the time since is not training time, the window restarts
   */
  void progress(long iterationsDone, long nowNanos, boolean paused) {
    if (windowStartNanos == 0 || paused) {
      windowStartNanos = nowNanos;
      windowStartIterations = iterationsDone;
    } else if (nowNanos - windowStartNanos >= WINDOW_NANOS) {
      iterationsPerSecond = (iterationsDone - windowStartIterations) / ((nowNanos - windowStartNanos) / 1e9);
      windowStartNanos = nowNanos;
      windowStartIterations = iterationsDone;
    }
  }

  /** Training examples per second: the measured pace times the batch size, or the minibatches' own speed before that. */
  double examplesPerSecond(int batchSize) {
    return Double.isNaN(iterationsPerSecond) ? smoothedExamplesPerSecond : iterationsPerSecond * batchSize;
  }

  /** Seconds until {@code iterationsLeft} more minibatches are done at the measured pace; NaN before a window closed. */
  double secondsLeft(long iterationsLeft) {
    return iterationsLeft / iterationsPerSecond;
  }
}
