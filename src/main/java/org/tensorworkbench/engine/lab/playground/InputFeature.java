package org.tensorworkbench.engine.lab.playground;

import java.util.Locale;

/**
 * The input features TensorFlow Playground offers, computed from a point (x1, x2) of the plane:
 * a linear model on x1² and x2² separates circles, one on x1·x2 separates XOR.
 */
public enum InputFeature {
  X1("x1"),
  X2("x2"),
  X1_SQUARED("x1^2"),
  X2_SQUARED("x2^2"),
  X1_X2("x1x2"),
  SIN_X1("sin-x1"),
  SIN_X2("sin-x2");

  private final String id;

  InputFeature(String id) {
    this.id = id;
  }

  /** The name in lesson presets, e.g. {@code x1x2}. */
  public String id() {
    return id;
  }

  /** The feature's value at (x1, x2). */
  public double value(double x1, double x2) {
    return switch (this) {
      case X1 -> x1;
      case X2 -> x2;
      case X1_SQUARED -> x1 * x1;
      case X2_SQUARED -> x2 * x2;
      case X1_X2 -> x1 * x2;
      case SIN_X1 -> Math.sin(x1);
      case SIN_X2 -> Math.sin(x2);
    };
  }

  /** Whether the feature reads x2 (meaningless for the 1D curve, whose x2 is 0). */
  public boolean usesX2() {
    return this == X2 || this == X2_SQUARED || this == X1_X2 || this == SIN_X2;
  }

  /** The feature named {@code id} ({@code x1}, {@code x1^2} or {@code x1x1}, {@code sin-x1}, ...). */
  public static InputFeature fromId(String id) {
    String s = id.strip().toLowerCase(Locale.ROOT).replace("²", "^2").replace("·", "").replace("*", "");
    for (InputFeature f : values()) {
      if (f.id.equals(s) || f.id.replace("^2", "x" + f.id.charAt(1)).equals(s) || f.id.replace("-", "").equals(s)) {
        return f;
      }
    }
    throw new PlaygroundException("playground.error.unknownFeature", id);
  }
}
