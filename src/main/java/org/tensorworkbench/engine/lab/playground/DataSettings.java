package org.tensorworkbench.engine.lab.playground;

/**
 * What data the Playground generates: the set, its classes (ignored by the curve), noise, the
 * number of points, the share held out for testing, and the seed.
 */
public record DataSettings(PlaygroundDataset dataset, int classes, double noise, int points, double testShare,
    long seed) {
  public static final int MIN_POINTS = 10;
  public static final int MAX_POINTS = 2000;
  public static final double MAX_NOISE = 2;

  /** Checks every range, naming the setting and its allowed values. */
  public DataSettings {
    if (dataset == null) {
      throw new PlaygroundException("playground.error.unknownDataset", "");
    }
    if (points < MIN_POINTS || points > MAX_POINTS) {
      throw new PlaygroundException("playground.error.points", points, MIN_POINTS, MAX_POINTS);
    }
    if (!(noise >= 0 && noise <= MAX_NOISE)) {
      throw new PlaygroundException("playground.error.noise", noise, MAX_NOISE);
    }
    if (!(testShare >= 0.1 && testShare <= 0.9)) {
      throw new PlaygroundException("playground.error.testShare", testShare);
    }
    if (!dataset.isRegression()) {
      if (classes < dataset.minClasses() || classes > dataset.maxClasses()) {
        throw new PlaygroundException("playground.error.classes", dataset.id(), classes, dataset.minClasses(),
            dataset.maxClasses());
      }
      int train = trainCount(points, testShare);
      if (classes > train) {
        throw new PlaygroundException("playground.error.moreClassesThanPoints", classes, train);
      }
    }
  }

  /** The Playground's start: a 3-arm spiral of 500 points, a fifth of them for testing. */
  public static DataSettings defaults() {
    return new DataSettings(PlaygroundDataset.SPIRAL, 3, 0.2, 500, 0.2, 1);
  }

  /** The same settings for another set, with that set's default noise and classes kept in its range. */
  public DataSettings withDataset(PlaygroundDataset newSet) {
    int k = newSet.isRegression() ? classes : Math.max(newSet.minClasses(), Math.min(newSet.maxClasses(), classes));
    return new DataSettings(newSet, k, newSet.defaultNoise(), points, testShare, seed);
  }

  static int trainCount(int points, double testShare) {
    return (int) Math.round(points * (1 - testShare));
  }
}
