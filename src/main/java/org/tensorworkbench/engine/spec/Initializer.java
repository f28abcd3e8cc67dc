package org.tensorworkbench.engine.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a layer's weights start (biases always start at zero).
 *
 * <ul>
 *   <li>XAVIER: uniform in ±√(6 / (fanIn + fanOut)) (Glorot &amp; Bengio 2010), d2l's default.
 *   <li>HE: normal with σ = √(2 / fanIn) (He et al. 2015), for ReLU networks.
 *   <li>NORMAL: normal with the given σ, e.g. d2l's 0.01 for softmax regression.
 *   <li>ZEROS: all zero (only sensible for linear models; d2l shows why it fails for MLPs).
 * </ul>
 */
public record Initializer(Kind kind, double sigma) {
  public static final Initializer XAVIER = new Initializer(Kind.XAVIER, 0);
  public static final Initializer HE = new Initializer(Kind.HE, 0);
  public static final Initializer ZEROS = new Initializer(Kind.ZEROS, 0);

  public Initializer {
    if (kind == null) {
      throw new SpecException("spec.error.missingField", "kind");
    }
    if (kind == Kind.NORMAL && !(sigma > 0)) {
      throw new SpecException("spec.error.sigmaNotPositive", sigma);
    }
  }

  public static Initializer normal(double sigma) {
    return new Initializer(Kind.NORMAL, sigma);
  }

  /** The initialization families. */
  public enum Kind {
    @JsonProperty("xavier") XAVIER,
    @JsonProperty("he") HE,
    @JsonProperty("normal") NORMAL,
    @JsonProperty("zeros") ZEROS
  }
}
