package org.tensorworkbench.engine.tune;

/**
 * A stationary covariance function of the Euclidean distance r = ‖x − x'‖ (Rasmussen &amp;
 * Williams 2006, ch. 4), with signal variance σ_f² and length scale ℓ:
 * <ul>
 *   <li>RBF (squared exponential): k(r) = σ_f²·exp(−r²/(2ℓ²));
 *   <li>Matérn 5/2: k(r) = σ_f²·(1 + √5·r/ℓ + 5r²/(3ℓ²))·exp(−√5·r/ℓ), twice differentiable,
 *       the usual choice for Bayesian optimization (Snoek et al. 2012).
 * </ul>
 */
public record Kernel(Type type, double lengthScale, double signalVariance) {
  public enum Type { RBF, MATERN52 }

  public Kernel {
    if (!(lengthScale > 0) || !(signalVariance > 0)) {
      throw new IllegalArgumentException("length scale and signal variance must be positive");
    }
  }

  public double at(double[] a, double[] b) {
    double r2 = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      r2 += d * d;
    }
    if (type == Type.RBF) {
      return signalVariance * Math.exp(-r2 / (2 * lengthScale * lengthScale));
    }
    double s = Math.sqrt(5 * r2) / lengthScale;
    return signalVariance * (1 + s + s * s / 3) * Math.exp(-s);
  }
}
