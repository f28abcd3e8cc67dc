package org.tensorworkbench.engine.lab.tensor;

import java.util.List;

/**
 * The outcome of {@link BroadcastRule#explain}: both shapes right-aligned, each dimension's
 * verdict (in comparison order, right to left), and the result shape or the failing dimension.
 *
 * @param shapeA the first operand's shape as given
 * @param shapeB the second operand's shape as given
 * @param paddedA the first shape with leading 1s to the common rank
 * @param paddedB the second shape with leading 1s to the common rank
 * @param steps one step per dimension, from the last dimension to the first
 * @param resultShape the broadcast shape, or {@code null} when incompatible
 * @param failingAxis the first dimension (from the right) whose sizes clash, or -1
 */
public record BroadcastExplanation(int[] shapeA, int[] shapeB, int[] paddedA, int[] paddedB,
    List<DimensionStep> steps, int[] resultShape, int failingAxis) {

  /** Which operand a question is about. */
  public enum Operand { A, B }

  public boolean compatible() {
    return resultShape != null;
  }

  public int rank() {
    return paddedA.length;
  }

  /**
   * NumPy's error text, exactly as {@code np.add} raises it:
   * {@code operands could not be broadcast together with shapes (2,3) (4,) }.
   */
  public String numpyError() {
    return "ValueError: operands could not be broadcast together with shapes "
        + Shapes.numpyCompact(shapeA) + " " + Shapes.numpyCompact(shapeB) + " ";
  }

  /**
   * PyTorch's error text for the same clash, naming the first mismatching dimension from the
   * right: {@code The size of tensor a (3) must match the size of tensor b (4) at non-singleton
   * dimension 1}.
   */
  public String pytorchError() {
    return "RuntimeError: The size of tensor a (" + paddedA[failingAxis] + ") must match the size of tensor b ("
        + paddedB[failingAxis] + ") at non-singleton dimension " + failingAxis;
  }

  /** The clash as a translated message naming the dimension and both sizes. */
  public LabInputException failure() {
    if (compatible()) {
      throw new IllegalStateException("the shapes are compatible");
    }
    return new LabInputException("tensors.error.broadcast", Shapes.numpy(shapeA), Shapes.numpy(shapeB),
        failingAxis, rank() - 1 - failingAxis, paddedA[failingAxis], paddedB[failingAxis]);
  }

  /**
   * Whether the cell at {@code resultIndex} of the stretched operand holds an original value
   * rather than a virtual copy: along every stretched dimension only index 0 is original.
   */
  public boolean isOriginal(Operand operand, int[] resultIndex) {
    int[] padded = operand == Operand.A ? paddedA : paddedB;
    for (int d = 0; d < padded.length; d++) {
      if (padded[d] == 1 && resultShape[d] > 1 && resultIndex[d] > 0) {
        return false;
      }
    }
    return true;
  }
}
