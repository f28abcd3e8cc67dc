package org.tensorworkbench.engine.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a layer's weights start (biases always start at zero).
 *
 * <ul>
 *   <li>XAVIER: uniform in ±gain·√(6 / (fanIn + fanOut)) (Glorot &amp; Bengio 2010), d2l's default
 *       with gain 1. Glorot's derivation assumes units with slope 1 around 0, as tanh has; a
 *       sigmoid's slope there is 1/4, so with gain 1 each sigmoid layer shrinks the signal and a
 *       deep sigmoid network such as LeNet starts on a long plateau. The LeNet template uses gain 2.
 *   <li>HE: normal with σ = gain·√(2 / fanIn) (He et al. 2015), for ReLU networks.
 *   <li>NORMAL: normal with the given σ, e.g. d2l's 0.01 for softmax regression.
 *   <li>ZEROS: all zero (only sensible for linear models; d2l shows why it fails for MLPs).
 * </ul>
 *
 * @param kind the family
 * @param sigma σ of NORMAL (0 for the others)
 * @param gain the factor on XAVIER's bound or HE's σ, as PyTorch's {@code gain} (1 for the
 *     others; a network file without it means 1)
 */
public record Initializer(Kind kind, double sigma, double gain) {
  public static final Initializer XAVIER = new Initializer(Kind.XAVIER, 0);
  public static final Initializer HE = new Initializer(Kind.HE, 0);
  public static final Initializer ZEROS = new Initializer(Kind.ZEROS, 0);
  /** The largest gain accepted: beyond it every sigmoid or tanh unit starts saturated. */
  public static final double MAX_GAIN = 100;

  public Initializer {
    if (kind == null) {
      throw new SpecException("spec.error.missingField", "kind");
    }
    if (kind == Kind.NORMAL && !(sigma > 0)) {
      throw new SpecException("spec.error.sigmaNotPositive", sigma);
    }
    if (!(gain > 0 && gain <= MAX_GAIN) || (gain != 1 && kind != Kind.XAVIER && kind != Kind.HE)) {
      throw new SpecException("spec.error.badGain", gain, kind.name().toLowerCase(java.util.Locale.ROOT), MAX_GAIN);
    }
  }

  /** {@code kind} with σ (NORMAL only) and gain 1. */
  public Initializer(Kind kind, double sigma) {
    this(kind, sigma, 1);
  }

  public static Initializer normal(double sigma) {
    return new Initializer(Kind.NORMAL, sigma);
  }

  /** Xavier uniform with its bound multiplied by {@code gain}. */
  public static Initializer xavier(double gain) {
    return new Initializer(Kind.XAVIER, 0, gain);
  }

  /** The initialization families. */
  public enum Kind {
    @JsonProperty("xavier") XAVIER,
    @JsonProperty("he") HE,
    @JsonProperty("normal") NORMAL,
    @JsonProperty("zeros") ZEROS
  }
}
