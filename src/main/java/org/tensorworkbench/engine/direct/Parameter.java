package org.tensorworkbench.engine.direct;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One trained array of a direct layer: its SameDiff variable's name, the variable's own array
 * (trained in place, so SameDiff always sees the current weights) and a buffer of the same shape
 * that the backward pass fills with ∂L/∂value.
 */
record Parameter(String name, INDArray value, INDArray gradient) {
  /** A layer's weights and, unless {@code bias} is null, its bias, each with a fresh gradient buffer. */
  static List<Parameter> weightsAndBias(String weightsName, INDArray weights, String biasName, INDArray bias) {
    Parameter w = new Parameter(weightsName, weights, weights.ulike());
    return bias == null ? List.of(w) : List.of(w, new Parameter(biasName, bias, bias.ulike()));
  }
}
