package org.tensorworkbench.engine.lab.tensor;

/**
 * An elementwise operation on two tensors with the broadcasting shown: the operands, the operands
 * stretched to the result shape (virtual copies included), and the result.
 *
 * @param explanation the shape rule, step by step
 * @param op the operation
 * @param a the first operand
 * @param b the second operand
 * @param stretchedA the first operand broadcast to the result shape, or {@code null} if incompatible
 * @param stretchedB the second operand broadcast to the result shape, or {@code null}
 * @param result {@code a op b}, or {@code null} if the shapes are incompatible
 * @param code the statement in PyTorch and in ND4J
 */
public record BroadcastResult(BroadcastExplanation explanation, ElementwiseOp op, TensorValues a,
    TensorValues b, TensorValues stretchedA, TensorValues stretchedB, TensorValues result, CodeLines code) {

  public boolean compatible() {
    return explanation.compatible();
  }
}
