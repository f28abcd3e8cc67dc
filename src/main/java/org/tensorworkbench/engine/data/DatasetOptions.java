package org.tensorworkbench.engine.data;

/**
 * How to load a dataset: splitting, limits, normalization and the parameters of the generated
 * sets. Start from {@link #defaults()} and change what you need with the {@code with*} methods.
 * A value marked "dataset default" below means the dataset picks (listed in datasets/README.md).
 *
 * @param seed seeds the generators, the held-out splits and nothing else (epoch shuffling has its own seed)
 * @param limit use only the first {@code limit} training samples (0 = all), for quick runs
 * @param testLimit use only the first {@code testLimit} test samples (0 = all)
 * @param validationFraction the share of the training samples held out, at random (seeded), as validation
 * @param testFraction for sets without an official test split, the share held out as test (negative = dataset default)
 * @param scaling the feature normalization (see {@link Scaling})
 * @param samples how many points a generator makes (0 = dataset default)
 * @param noise the generator's noise standard deviation (negative = dataset default)
 * @param classes the number of classes of spiral, circles and blobs (0 = dataset default; XOR always has 2)
 * @param degree the polynomial set's feature degree d: features x^i/i! for i = 0..d (negative = dataset default 3)
 */
public record DatasetOptions(long seed, int limit, int testLimit, double validationFraction, double testFraction,
    Scaling scaling, int samples, double noise, int classes, int degree) {

  /** The feature normalization to fit on the training split. */
  public enum Scaling {
    /** Images: divide by 255. House prices and your own CSV: standardize. Generated sets: raw. */
    AUTO,
    /** Features as stored (image pixels 0-255). */
    RAW,
    /** Images: divide by 255 to [0, 1]. Tables: each column's training range to [0, 1]. */
    UNIT_RANGE,
    /** Images: divide by 255, then per-channel (x - mean) / std. Tables: per-column (x - mean) / std. */
    STANDARDIZE
  }

  public DatasetOptions {
    if (limit < 0 || testLimit < 0 || samples < 0 || classes < 0) {
      throw new DatasetException("data.error.option", "limit/testLimit/samples/classes",
          limit + "/" + testLimit + "/" + samples + "/" + classes);
    }
    if (!(validationFraction >= 0 && validationFraction < 1)) {
      throw new DatasetException("data.error.option", "validationFraction", validationFraction);
    }
    if (!(testFraction < 1)) {
      throw new DatasetException("data.error.option", "testFraction", testFraction);
    }
    if (classes == 1 || classes > 20) {
      throw new DatasetException("data.error.option", "classes", classes);
    }
    if (degree > 30) {
      throw new DatasetException("data.error.option", "degree", degree);
    }
    if (scaling == null) {
      scaling = Scaling.AUTO;
    }
  }

  /** Seed 42, all samples, no validation split, dataset defaults for everything else. */
  public static DatasetOptions defaults() {
    return new DatasetOptions(42, 0, 0, 0, -1, Scaling.AUTO, 0, -1, 0, -1);
  }

  public DatasetOptions withSeed(long newSeed) {
    return new DatasetOptions(newSeed, limit, testLimit, validationFraction, testFraction, scaling, samples, noise, classes, degree);
  }

  public DatasetOptions withLimit(int newLimit) {
    return new DatasetOptions(seed, newLimit, testLimit, validationFraction, testFraction, scaling, samples, noise, classes, degree);
  }

  public DatasetOptions withTestLimit(int newTestLimit) {
    return new DatasetOptions(seed, limit, newTestLimit, validationFraction, testFraction, scaling, samples, noise, classes, degree);
  }

  public DatasetOptions withValidationFraction(double fraction) {
    return new DatasetOptions(seed, limit, testLimit, fraction, testFraction, scaling, samples, noise, classes, degree);
  }

  public DatasetOptions withTestFraction(double fraction) {
    return new DatasetOptions(seed, limit, testLimit, validationFraction, fraction, scaling, samples, noise, classes, degree);
  }

  public DatasetOptions withScaling(Scaling newScaling) {
    return new DatasetOptions(seed, limit, testLimit, validationFraction, testFraction, newScaling, samples, noise, classes, degree);
  }

  public DatasetOptions withSamples(int newSamples) {
    return new DatasetOptions(seed, limit, testLimit, validationFraction, testFraction, scaling, newSamples, noise, classes, degree);
  }

  public DatasetOptions withNoise(double newNoise) {
    return new DatasetOptions(seed, limit, testLimit, validationFraction, testFraction, scaling, samples, newNoise, classes, degree);
  }

  public DatasetOptions withClasses(int newClasses) {
    return new DatasetOptions(seed, limit, testLimit, validationFraction, testFraction, scaling, samples, noise, newClasses, degree);
  }

  public DatasetOptions withDegree(int newDegree) {
    return new DatasetOptions(seed, limit, testLimit, validationFraction, testFraction, scaling, samples, noise, classes, newDegree);
  }

  int samplesOr(int fallback) {
    return samples > 0 ? samples : fallback;
  }

  double noiseOr(double fallback) {
    return noise >= 0 ? noise : fallback;
  }

  int classesOr(int fallback) {
    return classes > 0 ? classes : fallback;
  }

  double testFractionOr(double fallback) {
    return testFraction >= 0 ? testFraction : fallback;
  }

  int degreeOr(int fallback) {
    return degree >= 0 ? degree : fallback;
  }
}
