package org.tensorworkbench.engine.lab.tensor;

/**
 * A (batched) matrix product with its shape reasoning.
 *
 * @param a the left operand
 * @param b the right operand
 * @param batch how the batch dimensions (all but the last two) broadcast; {@code null} when
 *     neither operand has batch dimensions
 * @param result the product, or {@code null} when the shapes do not fit
 * @param error why the shapes do not fit, or {@code null}
 * @param numpyError NumPy's error text for the clash, or {@code null}
 * @param code the statement in PyTorch and in ND4J
 */
public record MatMulResult(TensorValues a, TensorValues b, BroadcastExplanation batch, TensorValues result,
    LabInputException error, String numpyError, CodeLines code) {

  public boolean ok() {
    return result != null;
  }
}
