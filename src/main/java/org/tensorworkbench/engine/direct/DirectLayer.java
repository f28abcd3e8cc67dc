package org.tensorworkbench.engine.direct;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One layer of a {@link DirectTrainer}: a forward pass and its hand-derived backward pass on
 * ND4J primitives, writing into arrays the layer owns and reuses (see {@link Buffers}).
 */
interface DirectLayer {
  /**
   * y = f(x) for a minibatch x [n, ...]. The result belongs to the layer and stays valid until
   * its next forward pass with the same n.
   */
  INDArray forward(INDArray x);

  /**
   * Backpropagation through the layer: fills the parameters' gradient buffers from ∂L/∂y and
   * returns ∂L/∂x (owned by the layer), or null when {@code inputGradient} is false (the first
   * layer: nothing needs the gradient of the data).
   *
   * @param x the input of the last forward pass
   * @param y its output
   * @param dy ∂L/∂y, the shape of y
   */
  INDArray backward(INDArray x, INDArray y, INDArray dy, boolean inputGradient);

  /** The trained arrays, empty for layers without parameters. */
  default List<Parameter> parameters() {
    return List.of();
  }

  /** Frees the work arrays. */
  void release();
}
