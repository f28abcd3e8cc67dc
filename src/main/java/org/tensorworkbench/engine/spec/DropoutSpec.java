package org.tensorworkbench.engine.spec;

/**
 * Inverted dropout (d2l 5.6): while training each value is zeroed with probability p and the
 * survivors are scaled by 1/(1 − p); at inference the layer is the identity.
 */
public record DropoutSpec(double p) implements LayerSpec {
  public DropoutSpec {
    if (!(p >= 0 && p < 1)) {
      throw new SpecException("spec.error.dropoutRange", p);
    }
  }
}
