package org.tensorworkbench.engine.data;

import java.util.SplittableRandom;

/**
 * Noisy points of a curve with polynomial features, as in d2l 3.6 / 4.4 (model selection,
 * underfitting and overfitting). The features of a point x are
 *
 * <pre>  x^0/0!, x^1/1!, ..., x^d/d!</pre>
 *
 * (dividing by i! keeps the large powers from dominating the gradients), and the target is the
 * curve plus Gaussian noise. Fitting with d = 3 recovers the cubic, d = 1 underfits, d = 19
 * (d2l's 20 features) overfits a small training set.
 */
public final class PolynomialGenerator {
  /** The true function behind the points. */
  public enum Curve {
    /**
     * d2l's {@code y = 5 + 1.2 x - 3.4 x^2/2! + 5.6 x^3/3! + eps} with {@code x ~ N(0, 1)}: in the
     * x^i/i! features its weights are exactly [5, 1.2, -3.4, 5.6].
     */
    D2L_CUBIC,
    /** {@code y = sin(x) + eps} with {@code x ~ U(-pi, pi)}: its weights are its Taylor series 0, 1, 0, -1, 0, 1...  */
    SINE
  }

  private static final float[] D2L_CUBIC_WEIGHTS = {5f, 1.2f, -3.4f, 5.6f};

  private PolynomialGenerator() {}

  /** The cubic's weights [5, 1.2, -3.4, 5.6] on the features x^i/i! (a copy). */
  public static float[] d2lCubicWeights() {
    return D2L_CUBIC_WEIGHTS.clone();
  }

  /** {@code n} points of {@code curve} with noise {@code sigma} and features up to degree {@code degree}. */
  public static SyntheticData generate(Curve curve, int degree, double sigma, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int d = degree + 1;
    float[] features = new float[n * d]; // [N, degree + 1]
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      double x = curve == Curve.D2L_CUBIC ? Gaussian.next(random) : (random.nextDouble() * 2 - 1) * Math.PI;
      double term = 1; // x^k / k!
      for (int k = 0; k < d; k++) {
        if (k > 0) {
          term *= x / k;
        }
        features[i * d + k] = (float) term;
      }
      y[i] = (float) (trueValue(curve, x) + sigma * Gaussian.next(random));
    }
    return new SyntheticData(features, d, y, null, 0);
  }

  /** The curve's value at {@code x}, without noise. */
  public static double trueValue(Curve curve, double x) {
    if (curve == Curve.SINE) {
      return Math.sin(x);
    }
    double[] w = new double[D2L_CUBIC_WEIGHTS.length];
    for (int k = 0; k < w.length; k++) {
      w[k] = D2L_CUBIC_WEIGHTS[k];
    }
    return value(w, x);
  }

  /** The polynomial {@code sum_k w_k x^k / k!} with weights {@code w} on the features x^k/k!. */
  public static double value(double[] w, double x) {
    double value = 0;
    double term = 1; // x^k / k!
    for (int k = 0; k < w.length; k++) {
      if (k > 0) {
        term *= x / k;
      }
      value += w[k] * term;
    }
    return value;
  }
}
