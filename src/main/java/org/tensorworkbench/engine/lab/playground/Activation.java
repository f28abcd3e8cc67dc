package org.tensorworkbench.engine.lab.playground;

import java.util.Locale;
import org.tensorworkbench.engine.spec.ActivationSpec;

/**
 * The hidden layers' nonlinearity (d2l 5.1) with its derivative, as the compiled network
 * computes it: LeakyReLU with slope 0.01, GELU in its tanh form
 * 0.5·z·(1 + tanh(√(2/π)·(z + 0.044715·z³))) (Hendrycks &amp; Gimpel 2016).
 */
public enum Activation {
  RELU("relu", ActivationSpec.Function.RELU),
  TANH("tanh", ActivationSpec.Function.TANH),
  SIGMOID("sigmoid", ActivationSpec.Function.SIGMOID),
  LEAKY_RELU("leaky-relu", ActivationSpec.Function.LEAKY_RELU),
  GELU("gelu", ActivationSpec.Function.GELU);

  static final double LEAKY_SLOPE = 0.01;
  private static final double GELU_C = Math.sqrt(2 / Math.PI);

  private final String id;
  private final ActivationSpec.Function function;

  Activation(String id, ActivationSpec.Function function) {
    this.id = id;
    this.function = function;
  }

  public String id() {
    return id;
  }

  /** The same function as a layer of a network design. */
  public ActivationSpec spec() {
    return ActivationSpec.of(function);
  }

  public double apply(double z) {
    return switch (this) {
      case RELU -> z > 0 ? z : 0;
      case TANH -> Math.tanh(z);
      case SIGMOID -> sigmoid(z);
      case LEAKY_RELU -> z > 0 ? z : LEAKY_SLOPE * z;
      case GELU -> 0.5 * z * (1 + Math.tanh(GELU_C * (z + 0.044715 * z * z * z)));
    };
  }

  /** d apply / dz at {@code z}. */
  public double derivative(double z) {
    return switch (this) {
      case RELU -> z > 0 ? 1 : 0;
      case TANH -> {
        double t = Math.tanh(z);
        yield 1 - t * t;
      }
      case SIGMOID -> {
        double s = sigmoid(z);
        yield s * (1 - s);
      }
      case LEAKY_RELU -> z > 0 ? 1 : LEAKY_SLOPE;
      case GELU -> {
        double u = GELU_C * (z + 0.044715 * z * z * z);
        double t = Math.tanh(u);
        yield 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * GELU_C * (1 + 3 * 0.044715 * z * z);
      }
    };
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  public static Activation fromId(String id) {
    String s = id.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Activation a : values()) {
      if (a.id.equals(s)) {
        return a;
      }
    }
    throw new PlaygroundException("playground.error.unknownActivation", id);
  }
}
