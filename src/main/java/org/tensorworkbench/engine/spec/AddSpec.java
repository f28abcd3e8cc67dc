package org.tensorworkbench.engine.spec;

/** Elementwise sum of two or more inputs of equal shape: the residual connection of ResNet (d2l 8.6). */
public record AddSpec() implements LayerSpec {
  @Override
  public int arity() {
    return ANY;
  }
}
