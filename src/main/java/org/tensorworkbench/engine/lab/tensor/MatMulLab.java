package org.tensorworkbench.engine.lab.tensor;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code torch.matmul} semantics (d2l 2.3.8-2.3.9), computed with ND4J: the last two dimensions
 * are matrices, {@code (n, k) @ (k, m) -> (n, m)}; all dimensions before them are batch
 * dimensions and broadcast by {@link BroadcastRule}, so {@code [2, 1, 4, 5] @ [1, 1, 5, 4]} is
 * {@code [2, 1, 4, 4]}. A 1-D left operand is a row (a 1 is put in front and removed after), a
 * 1-D right operand a column; two vectors give their dot product.
 *
 * <p>ND4J's {@code matmul} does not broadcast batch dimensions (it rejects {@code [2,1,4,5]} with
 * {@code [1,1,5,4]}), so both operands are stretched to the common batch shape first.
 */
public final class MatMulLab {
  private MatMulLab() {}

  public static MatMulResult multiply(TensorValues a, TensorValues b) {
    int[] sa = a.rank() == 1 ? new int[] {1, a.shape()[0]} : a.shape(); // [.., n, k]
    int[] sb = b.rank() == 1 ? new int[] {b.shape()[0], 1} : b.shape(); // [.., k, m]
    int n = sa[sa.length - 2];
    int k = sa[sa.length - 1];
    int kb = sb[sb.length - 2];
    int m = sb[sb.length - 1];
    int[] batchA = Arrays.copyOf(sa, sa.length - 2);
    int[] batchB = Arrays.copyOf(sb, sb.length - 2);
    BroadcastExplanation batch = batchA.length == 0 && batchB.length == 0
        ? null : BroadcastRule.explain(batchA, batchB);
    String pytorch = "Z = torch.matmul(A, B)   # A @ B";
    if (k != kb) {
      String numpy = "ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
          + "signature (n?,k),(k,m?)->(n?,m?) (size " + kb + " is different from " + k + ")";
      return new MatMulResult(a, b, batch, null,
          new LabInputException("tensors.error.matmulInner", Shapes.numpy(a.shape()), Shapes.numpy(b.shape()), k, kb),
          numpy, new CodeLines(pytorch, "// the inner sizes " + k + " and " + kb + " differ"));
    }
    if (batch != null && !batch.compatible()) {
      return new MatMulResult(a, b, batch, null, batch.failure(), batch.numpyError(),
          new CodeLines(pytorch, "// the batch shapes do not broadcast"));
    }
    int[] batchShape = batch == null ? new int[0] : batch.resultShape();
    int[] fullA = concat(batchShape, n, k);
    int[] fullB = concat(batchShape, k, m);
    INDArray x = stretch(Nd4jTensors.toNd4j(a), sa, fullA); // [batch.., n, k]
    INDArray y = stretch(Nd4jTensors.toNd4j(b), sb, fullB); // [batch.., k, m]
    INDArray z = Nd4j.matmul(x, y); // [batch.., n, m]
    int[] outShape = concat(batchShape, n, m);
    if (a.rank() == 1) {
      outShape = remove(outShape, outShape.length - 2);
    }
    if (b.rank() == 1) {
      outShape = remove(outShape, outShape.length - 1);
    }
    z = z.reshape('c', Shapes.toLong(outShape));
    String nd4j = "INDArray z = Nd4j.matmul(" + code("a", a.shape(), sa, fullA) + ", " + code("b", b.shape(), sb, fullB)
        + ")" + (Arrays.equals(outShape, concat(batchShape, n, m)) ? "" : ".reshape(" + Shapes.args(outShape) + ")")
        + ";";
    return new MatMulResult(a, b, batch, Nd4jTensors.toValues(z), null, null, new CodeLines(pytorch, nd4j));
  }

  /** Reshapes to the common rank with leading 1s, then stretches to {@code full}. */
  private static INDArray stretch(INDArray t, int[] matrixShape, int[] full) {
    int[] padded = BroadcastRule.pad(matrixShape, full.length);
    INDArray aligned = t.reshape('c', Shapes.toLong(padded));
    return Arrays.equals(padded, full) ? aligned : aligned.broadcast(Shapes.toLong(full));
  }

  private static String code(String name, int[] original, int[] matrixShape, int[] full) {
    int[] padded = BroadcastRule.pad(matrixShape, full.length);
    String c = name;
    if (!Arrays.equals(original, padded)) {
      c += ".reshape(" + Shapes.args(padded) + ")";
    }
    if (!Arrays.equals(padded, full)) {
      c += ".broadcast(" + Shapes.args(full) + ")";
    }
    return c;
  }

  private static int[] concat(int[] batch, int rows, int cols) {
    int[] s = Arrays.copyOf(batch, batch.length + 2);
    s[batch.length] = rows;
    s[batch.length + 1] = cols;
    return s;
  }

  private static int[] remove(int[] shape, int axis) {
    int[] s = new int[shape.length - 1];
    for (int i = 0, j = 0; i < shape.length; i++) {
      if (i != axis) {
        s[j++] = shape[i];
      }
    }
    return s;
  }
}
