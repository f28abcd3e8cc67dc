package org.tensorworkbench.engine.lab.norm;

import org.tensorworkbench.engine.lab.tensor.TensorValues;

/**
 * Which elements share one mean and variance. BatchNorm: every element of the same channel,
 * across the batch and all positions (over N, H, W). LayerNorm: every element of the same
 * sample, across its channels and positions (over C, H, W).
 */
public enum NormKind {
  BATCH,
  LAYER;

  /** The statistics group of the element at row-major position {@code flat}: its channel or its sample. */
  public int groupOf(int[] shape, int flat) {
    int[] index = TensorValues.unravel(shape, flat);
    return this == BATCH ? index[1] : index[0];
  }

  /** How many means there are: C for BatchNorm, N for LayerNorm. */
  public int groupCount(int[] shape) {
    return this == BATCH ? shape[1] : shape[0];
  }

  /** How many elements each mean is taken over: N·H·W for BatchNorm, C·H·W for LayerNorm. */
  public int groupSize(int[] shape) {
    return TensorValues.sizeOf(shape) / groupCount(shape);
  }
}
