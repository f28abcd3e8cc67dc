package org.tensorworkbench.engine.data;

import java.util.SplittableRandom;

/**
 * Two-dimensional classification sets that a linear model cannot separate but a small MLP can,
 * the playground sets of teaching (CS231n's spiral, scikit-learn's circles and blobs, XOR).
 * Classes are balanced (N/K points each, the remainder to the first classes) and the points are
 * shuffled with the same seed, so the first rows hold every class.
 */
public final class PatternGenerator {
  /** The shape of the classes. */
  public enum Pattern {
    /** K interleaved arms: radius r = t, angle 2 pi k / K + 4 t + noise * N(0, 1), t in [0, 1) (CS231n). */
    SPIRAL(3, 0.2),
    /** K concentric rings of radius (k + 1) / K, radial noise * N(0, 1). */
    CIRCLES(2, 0.05),
    /** Uniform points in [-1, 1]^2, class 0 where x * y > 0, class 1 elsewhere; then noise * N(0, 1) jitter. */
    XOR(2, 0.05),
    /** K Gaussian clouds with standard deviation = noise, centred on a circle of radius 2. */
    BLOBS(3, 0.5);

    private final int defaultClasses;
    private final double defaultNoise;

    Pattern(int defaultClasses, double defaultNoise) {
      this.defaultClasses = defaultClasses;
      this.defaultNoise = defaultNoise;
    }

    public int defaultClasses() {
      return defaultClasses;
    }

    public double defaultNoise() {
      return defaultNoise;
    }
  }

  private PatternGenerator() {}

  /** {@code n} points in {@code classes} classes ({@link Pattern#XOR} always has 2). */
  public static SyntheticData generate(Pattern pattern, int n, int classes, double noise, long seed) {
    int k = pattern == Pattern.XOR ? 2 : classes;
    SplittableRandom random = new SplittableRandom(seed);
    float[] xy = new float[n * 2]; // [N, 2]
    int[] labels = new int[n];
    if (pattern == Pattern.XOR) {
      for (int i = 0; i < n; i++) {
        double x = random.nextDouble() * 2 - 1;
        double y = random.nextDouble() * 2 - 1;
        labels[i] = x * y > 0 ? 0 : 1;
        xy[2 * i] = (float) (x + noise * Gaussian.next(random));
        xy[2 * i + 1] = (float) (y + noise * Gaussian.next(random));
      }
    } else {
      int i = 0;
      for (int c = 0; c < k; c++) {
        int count = n / k + (c < n % k ? 1 : 0);
        for (int m = 0; m < count; m++, i++) {
          double[] p = point(pattern, c, k, count == 1 ? 0 : (double) m / count, noise, random);
          xy[2 * i] = (float) p[0];
          xy[2 * i + 1] = (float) p[1];
          labels[i] = c;
        }
      }
    }
    return shuffle(xy, labels, k, random);
  }

  private static double[] point(Pattern pattern, int c, int k, double t, double noise, SplittableRandom random) {
    return switch (pattern) {
      case SPIRAL -> {
        double angle = 2 * Math.PI * c / k + 4 * t + noise * Gaussian.next(random);
        yield new double[] {t * Math.cos(angle), t * Math.sin(angle)};
      }
      case CIRCLES -> {
        double angle = random.nextDouble() * 2 * Math.PI;
        double r = (c + 1.0) / k + noise * Gaussian.next(random);
        yield new double[] {r * Math.cos(angle), r * Math.sin(angle)};
      }
      case BLOBS -> {
        double angle = 2 * Math.PI * c / k;
        yield new double[] {2 * Math.cos(angle) + noise * Gaussian.next(random),
            2 * Math.sin(angle) + noise * Gaussian.next(random)};
      }
      case XOR -> throw new IllegalArgumentException("XOR points are made directly");
    };
  }

  private static SyntheticData shuffle(float[] xy, int[] labels, int k, SplittableRandom random) {
    int n = labels.length;
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int l = labels[i];
      labels[i] = labels[j];
      labels[j] = l;
      float x = xy[2 * i];
      float y = xy[2 * i + 1];
      xy[2 * i] = xy[2 * j];
      xy[2 * i + 1] = xy[2 * j + 1];
      xy[2 * j] = x;
      xy[2 * j + 1] = y;
    }
    return new SyntheticData(xy, 2, null, labels, k);
  }
}
