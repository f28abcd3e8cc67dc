package org.tensorworkbench.engine.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An elementwise nonlinearity (d2l 5.1), or softmax over the last axis. {@code alpha} is the
 * negative slope of LeakyReLU and ignored by the others.
 */
public record ActivationSpec(Function function, double alpha) implements LayerSpec {
  public ActivationSpec {
    if (function == null) {
      throw new SpecException("spec.error.missingField", "function");
    }
  }

  public static ActivationSpec of(Function function) {
    return new ActivationSpec(function, function == Function.LEAKY_RELU ? 0.01 : 0);
  }

  /** The supported functions. GELU uses the tanh approximation of Hendrycks &amp; Gimpel (2016). */
  public enum Function {
    @JsonProperty("relu") RELU,
    @JsonProperty("leaky_relu") LEAKY_RELU,
    @JsonProperty("sigmoid") SIGMOID,
    @JsonProperty("tanh") TANH,
    @JsonProperty("gelu") GELU,
    @JsonProperty("softmax") SOFTMAX
  }
}
