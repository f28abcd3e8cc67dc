package org.tensorworkbench.engine.data;

import java.util.SplittableRandom;

/**
 * The synthetic data of d2l 3.3 ("Synthetic Regression Data"): features {@code X ~ N(0, 1)} of
 * shape {@code [N, len(w)]} and targets
 *
 * <pre>  y = X w + b + eps,    eps ~ N(0, sigma^2)</pre>
 *
 * with d2l's {@code w = [2, -3.4]}, {@code b = 4.2}, {@code sigma = 0.01}, {@code N = 1000} by
 * default. Linear regression trained on it should recover w and b to about sigma.
 */
public final class LinearRegressionGenerator {
  private static final float[] D2L_WEIGHTS = {2f, -3.4f};
  /** d2l's true bias. */
  public static final float D2L_BIAS = 4.2f;
  /** d2l's noise standard deviation. */
  public static final double D2L_NOISE = 0.01;

  private LinearRegressionGenerator() {}

  /** d2l's true weights [2, -3.4] (a copy). */
  public static float[] d2lWeights() {
    return D2L_WEIGHTS.clone();
  }

  /** {@code n} points of {@code y = X w + b + N(0, sigma^2)} from {@code seed}. */
  public static SyntheticData generate(float[] w, float b, double sigma, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int d = w.length;
    float[] x = new float[n * d]; // [N, D]
    float[] y = new float[n];     // [N]
    for (int i = 0; i < n; i++) {
      double sum = b;
      for (int j = 0; j < d; j++) {
        float v = (float) Gaussian.next(random);
        x[i * d + j] = v;
        sum += (double) w[j] * v;
      }
      y[i] = (float) (sum + sigma * Gaussian.next(random));
    }
    return new SyntheticData(x, d, y, null, 0);
  }
}
