package org.tensorworkbench.engine.tune;

/**
 * Gaussian-process regression with a zero prior mean, by Rasmussen &amp; Williams (2006),
 * Algorithm 2.1: with K = k(X, X) + σ_n²I,
 * <pre>
 *   L = cholesky(K),  α = Lᵀ \ (L \ y)
 *   mean  f̄* = k*ᵀ α,            v = L \ k*
 *   var   V[f*] = k(x*, x*) − vᵀv
 *   log p(y | X) = −½ yᵀα − Σᵢ log Lᵢᵢ − (n/2) log 2π
 * </pre>
 * Plain double arrays (JDK only); n is a study's trial count, so O(n³) is nothing.
 */
public final class GaussianProcess {
  private final double[][] x;
  private final Kernel kernel;
  private final double[][] l;
  private final double[] alpha;
  private final double logMarginalLikelihood;

  /** A posterior mean and variance at one point. */
  public record Prediction(double mean, double variance) {
    public double std() {
      return Math.sqrt(Math.max(0, variance));
    }
  }

  /**
   * Conditions the prior on observations {@code y} at {@code x}.
   *
   * @param noise σ_n², the observation noise variance (also keeps K positive definite)
   */
  public GaussianProcess(double[][] x, double[] y, Kernel kernel, double noise) {
    int n = x.length;
    if (n == 0 || y.length != n) {
      throw new IllegalArgumentException("need as many observations as points, at least one");
    }
    this.x = x.clone();
    this.kernel = kernel;
    double[][] k = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        k[i][j] = kernel.at(x[i], x[j]) + (i == j ? noise : 0);
      }
    }
    this.l = cholesky(k);
    this.alpha = backSubstituteTransposed(l, forwardSubstitute(l, y));
    double fit = 0;
    double logDet = 0;
    for (int i = 0; i < n; i++) {
      fit += y[i] * alpha[i];
      logDet += Math.log(l[i][i]);
    }
    this.logMarginalLikelihood = -0.5 * fit - logDet - 0.5 * n * Math.log(2 * Math.PI);
  }

  public Prediction predict(double[] point) {
    int n = x.length;
    double[] ks = new double[n];
    for (int i = 0; i < n; i++) {
      ks[i] = kernel.at(x[i], point);
    }
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += ks[i] * alpha[i];
    }
    double[] v = forwardSubstitute(l, ks);
    double vv = 0;
    for (double e : v) {
      vv += e * e;
    }
    return new Prediction(mean, kernel.at(point, point) - vv);
  }

  /** log p(y | X, θ): how well the kernel's hyperparameters θ explain the data. */
  public double logMarginalLikelihood() {
    return logMarginalLikelihood;
  }

  /**
   * The GP whose length scale ℓ (from a small grid 0.05 … 2 on the unit cube) and noise σ_n²
   * (10⁻⁴ or 10⁻²) maximize the log marginal likelihood, with σ_f² = 1 because the caller
   * standardizes y (type-II maximum likelihood by grid search).
   */
  public static GaussianProcess fitted(double[][] x, double[] y, Kernel.Type type) {
    GaussianProcess best = null;
    for (double lengthScale : new double[] {0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2, 2}) {
      for (double noise : new double[] {1e-4, 1e-2}) {
        GaussianProcess gp = new GaussianProcess(x, y, new Kernel(type, lengthScale, 1), noise);
        if (best == null || gp.logMarginalLikelihood > best.logMarginalLikelihood) {
          best = gp;
        }
      }
    }
    return best;
  }

  public Kernel kernel() {
    return kernel;
  }

  /** L with L·Lᵀ = a, for a symmetric positive-definite a. */
  static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = a[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(sum > 0)) {
            throw new IllegalArgumentException("matrix is not positive definite");
          }
          l[i][i] = Math.sqrt(sum);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    return l;
  }

  /** z with L·z = b. */
  static double[] forwardSubstitute(double[][] l, double[] b) {
    int n = b.length;
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = b[i];
      for (int k = 0; k < i; k++) {
        sum -= l[i][k] * z[k];
      }
      z[i] = sum / l[i][i];
    }
    return z;
  }

  /** z with Lᵀ·z = b. */
  static double[] backSubstituteTransposed(double[][] l, double[] b) {
    int n = b.length;
    double[] z = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double sum = b[i];
      for (int k = i + 1; k < n; k++) {
        sum -= l[k][i] * z[k];
      }
      z[i] = sum / l[i][i];
    }
    return z;
  }
}
