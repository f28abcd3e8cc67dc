package org.tensorworkbench.engine.tune;

/**
 * Expected improvement (Jones, Schonlau &amp; Welch 1998) of a Gaussian prediction N(μ, σ²) over
 * the best score so far f⁺, for maximization, in closed form:
 * <pre>
 *   z = (μ − f⁺ − ξ)/σ,   EI = (μ − f⁺ − ξ)·Φ(z) + σ·φ(z),   and max(0, μ − f⁺ − ξ) when σ = 0
 * </pre>
 * with φ, Φ the standard normal density and distribution, ξ ≥ 0 a small margin that favours
 * exploring.
 */
public final class ExpectedImprovement {
  private ExpectedImprovement() {}

  public static double of(double mean, double std, double best, double xi) {
    double gain = mean - best - xi;
    if (!(std > 0)) {
      return Math.max(0, gain);
    }
    double z = gain / std;
    return gain * cdf(z) + std * pdf(z);
  }

  /** φ(z) = exp(−z²/2)/√(2π). */
  public static double pdf(double z) {
    return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  }

  /** Φ(z) = ½·erfc(−z/√2). */
  public static double cdf(double z) {
    return 0.5 * erfc(-z / Math.sqrt(2));
  }

  /**
   * The complementary error function by the Chebyshev-based fit of Numerical Recipes (2nd ed., 6.2,
   * erfcc), fractional error below 1.2·10⁻⁷ everywhere.
   */
  static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
  }
}
