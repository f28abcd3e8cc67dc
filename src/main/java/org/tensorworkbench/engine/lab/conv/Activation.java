package org.tensorworkbench.engine.lab.conv;

/** The optional nonlinearity after the bias, applied to every value (d2l 5.1.2). */
public enum Activation {
  NONE,
  RELU,
  SIGMOID,
  TANH;

  public float apply(float v) {
    return switch (this) {
      case NONE -> v;
      case RELU -> Math.max(0f, v);
      case SIGMOID -> (float) (1 / (1 + Math.exp(-v)));
      case TANH -> (float) Math.tanh(v);
    };
  }

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
