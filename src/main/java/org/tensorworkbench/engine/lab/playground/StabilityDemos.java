package org.tensorworkbench.engine.lab.playground;

import java.util.SplittableRandom;
import org.tensorworkbench.engine.data.Gaussian;

/**
 * The two computed illustrations of d2l 5.4.1: the sigmoid and its gradient
 * σ'(x) = σ(x)·(1 − σ(x)), which vanishes for large |x|; and the product of 100 random 4x4
 * matrices with N(0, 1) entries, whose entries grow without bound (exploding gradients).
 */
public final class StabilityDemos {
  private StabilityDemos() {}

  /** σ(x) and σ'(x) at {@code points} values of x evenly spread over [−8, 8]: rows {x, σ, σ'}. */
  public static double[][] sigmoidCurve(int points) {
    double[][] rows = new double[3][points];
    for (int i = 0; i < points; i++) {
      double x = -8 + 16.0 * i / (points - 1);
      double s = Activation.sigmoid(x);
      rows[0][i] = x;
      rows[1][i] = s;
      rows[2][i] = Activation.SIGMOID.derivative(x);
    }
    return rows;
  }

  /**
   * M = M_1·M_2·...·M_count with N(0, 1) entries, d2l's {@code torch.mm} loop.
   *
   * @param norms the Frobenius norm of the product after each factor (length {@code count})
   * @param product the final 4x4 product, row-major
   */
  public record MatrixProduct(double[] norms, double[] product) {}

  public static MatrixProduct matrixProduct(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] m = random4x4(random);
    double[] norms = new double[count];
    norms[0] = frobenius(m);
    for (int k = 1; k < count; k++) {
      double[] f = random4x4(random);
      double[] next = new double[16];
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
          double s = 0;
          for (int t = 0; t < 4; t++) {
            s += m[i * 4 + t] * f[t * 4 + j];
          }
          next[i * 4 + j] = s;
        }
      }
      m = next;
      norms[k] = frobenius(m);
    }
    return new MatrixProduct(norms, m);
  }

  private static double[] random4x4(SplittableRandom random) {
    double[] m = new double[16];
    for (int i = 0; i < 16; i++) {
      m[i] = Gaussian.next(random);
    }
    return m;
  }

  private static double frobenius(double[] m) {
    double s = 0;
    for (double v : m) {
      s += v * v;
    }
    return Math.sqrt(s);
  }
}
