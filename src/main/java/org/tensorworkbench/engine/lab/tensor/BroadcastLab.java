package org.tensorworkbench.engine.lab.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Computes an elementwise operation with broadcasting, with ND4J.
 *
 * <p>ND4J's INDArray methods do not broadcast like NumPy in every case, so the lab follows the
 * rule itself: it reshapes each operand to the common rank (leading 1s), stretches it with
 * {@link INDArray#broadcast(long...)} to the shape {@link BroadcastRule} computed, and only then
 * applies the operation to two arrays of equal shape. The stretched operands are exactly the
 * "virtual copies" d2l draws.
 */
public final class BroadcastLab {
  private BroadcastLab() {}

  /** {@code a op b}; when the shapes clash the result carries the explanation and no values. */
  public static BroadcastResult compute(TensorValues a, TensorValues b, ElementwiseOp op) {
    BroadcastExplanation rule = BroadcastRule.explain(a.shape(), b.shape());
    String pytorch = "Z = X " + op.symbol() + " Y";
    if (!rule.compatible()) {
      return new BroadcastResult(rule, op, a, b, null, null, null,
          new CodeLines(pytorch + "   # " + rule.pytorchError(), "// " + rule.failure().getMessage()));
    }
    int[] shape = rule.resultShape();
    INDArray x = stretch(Nd4jTensors.toNd4j(a), rule.paddedA(), shape); // [result shape]
    INDArray y = stretch(Nd4jTensors.toNd4j(b), rule.paddedB(), shape); // [result shape]
    INDArray z = op.apply(x, y);
    String nd4j = "INDArray z = " + stretchCode("x", a.shape(), rule.paddedA(), shape) + "." + op.nd4jMethod()
        + "(" + stretchCode("y", b.shape(), rule.paddedB(), shape) + ");";
    return new BroadcastResult(rule, op, a, b, Nd4jTensors.toValues(x), Nd4jTensors.toValues(y),
        Nd4jTensors.toValues(z), new CodeLines(pytorch, nd4j));
  }

  private static INDArray stretch(INDArray t, int[] padded, int[] shape) {
    INDArray aligned = t.reshape('c', Shapes.toLong(padded));
    return java.util.Arrays.equals(padded, shape) ? aligned : aligned.broadcast(Shapes.toLong(shape));
  }

  private static String stretchCode(String name, int[] original, int[] padded, int[] shape) {
    String code = name;
    if (original.length != padded.length) {
      code += ".reshape(" + Shapes.args(padded) + ")";
    }
    if (!java.util.Arrays.equals(padded, shape)) {
      code += ".broadcast(" + Shapes.args(shape) + ")";
    }
    return code;
  }
}
