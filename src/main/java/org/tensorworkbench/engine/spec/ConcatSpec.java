package org.tensorworkbench.engine.spec;

/**
 * Concatenation along the channel axis of two or more [N, C_i, H, W] inputs with equal H and W:
 * the merge of an Inception block's branches (d2l 8.4). Flat [N, D_i] inputs join along D.
 */
public record ConcatSpec() implements LayerSpec {
  @Override
  public int arity() {
    return ANY;
  }
}
