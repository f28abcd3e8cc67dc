package org.tensorworkbench.engine.direct;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One trained array of a direct layer: its SameDiff variable's name, the variable's own array
 * (trained in place, so SameDiff always sees the current weights) and a buffer of the same shape
 * that the backward pass fills with ∂L/∂value.
 */
record Parameter(String name, INDArray value, INDArray gradient) {}
