package org.tensorworkbench.engine.lab.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The shape operations of d2l 2.1 and 2.3, computed with ND4J: reshape (cells keep their
 * row-major order), transpose and permute (cells move), and sum or mean along one axis, with or
 * without keeping the reduced dimension (d2l 2.3.6, non-reduction sum).
 *
 * <p>Where each cell goes is found by applying the same operation to {@code arange(size)}: the
 * value in each output cell then is the number of the input cell it came from.
 */
public final class ShapeOps {
  private ShapeOps() {}

  /** The two reductions of d2l 2.3.6. */
  public enum Reduction {
    SUM("sum"),
    MEAN("mean");

    private final String method;

    Reduction(String method) {
      this.method = method;
    }

    public String method() {
      return method;
    }
  }

  /**
   * {@code X.reshape(newShape)}; one size may be -1 and is then inferred.
   *
   * @throws LabInputException if the sizes do not multiply to the input's size (PyTorch: shape
   *     '[3, 5]' is invalid for input of size 12) or more than one is -1
   */
  public static ShapeOpResult reshape(TensorValues x, int[] newShape) {
    int[] shape = inferShape(newShape, x.size());
    Shapes.checkDrawable(shape);
    INDArray out = Nd4jTensors.toNd4j(x).reshape('c', Shapes.toLong(shape));
    int[] identity = java.util.stream.IntStream.range(0, x.size()).toArray();
    return new ShapeOpResult(x, Nd4jTensors.toValues(out), identity,
        new CodeLines("Y = X.reshape(" + Shapes.args(newShape) + ")",
            "INDArray y = x.reshape(" + Shapes.args(shape) + ");"));
  }

  /** {@code X.transpose(dim0, dim1)}: swaps two dimensions ({@code X.T} for a matrix). */
  public static ShapeOpResult transpose(TensorValues x, int dim0, int dim1) {
    int d0 = normalizeAxis(dim0, x.rank());
    int d1 = normalizeAxis(dim1, x.rank());
    int[] order = java.util.stream.IntStream.range(0, x.rank()).toArray();
    order[d0] = d1;
    order[d1] = d0;
    Moved moved = rearrange(x, order);
    String pytorch = x.rank() == 2 && d0 != d1 ? "Y = X.T" : "Y = X.transpose(" + dim0 + ", " + dim1 + ")";
    return new ShapeOpResult(x, moved.output(), moved.outputOfInput(),
        new CodeLines(pytorch, "INDArray y = x.permute(" + Shapes.args(order) + ");"));
  }

  /**
   * {@code X.permute(order)}: output dimension i is input dimension {@code order[i]}.
   *
   * @throws LabInputException unless {@code order} names every dimension exactly once
   */
  public static ShapeOpResult permute(TensorValues x, int[] order) {
    int[] normalized = new int[order.length];
    boolean[] seen = new boolean[x.rank()];
    if (order.length != x.rank()) {
      throw new LabInputException("tensors.error.permuteLength", Shapes.args(order), x.rank());
    }
    for (int i = 0; i < order.length; i++) {
      normalized[i] = normalizeAxis(order[i], x.rank());
      if (seen[normalized[i]]) {
        throw new LabInputException("tensors.error.permuteRepeat", Shapes.args(order), normalized[i]);
      }
      seen[normalized[i]] = true;
    }
    Moved moved = rearrange(x, normalized);
    return new ShapeOpResult(x, moved.output(), moved.outputOfInput(),
        new CodeLines("Y = X.permute(" + Shapes.args(order) + ")",
            "INDArray y = x.permute(" + Shapes.args(normalized) + ");"));
  }

  /**
   * {@code X.sum(axis, keepdims=...)} or {@code X.mean(...)}: the dimension {@code axis}
   * disappears, or stays with size 1 when {@code keepDims} (so the result broadcasts against X).
   */
  public static ShapeOpResult reduce(TensorValues x, Reduction reduction, int axis, boolean keepDims) {
    int a = normalizeAxis(axis, x.rank());
    INDArray in = Nd4jTensors.toNd4j(x);
    INDArray out = reduction == Reduction.SUM ? in.sum(keepDims, a) : in.mean(keepDims, a); // [.. 1 or gone ..]
    int[] inShape = x.shape();
    int[] keptShape = inShape.clone();
    keptShape[a] = 1;
    int[] target = new int[x.size()];
    for (int i = 0; i < target.length; i++) {
      int[] index = TensorValues.unravel(inShape, i);
      index[a] = 0;
      target[i] = TensorValues.flatIndex(keptShape, index);
    }
    String keep = keepDims ? ", keepdims=True" : "";
    return new ShapeOpResult(x, Nd4jTensors.toValues(out), target,
        new CodeLines("Y = X." + reduction.method() + "(axis=" + axis + keep + ")",
            "INDArray y = x." + reduction.method() + "(" + keepDims + ", " + a + ");"));
  }

  /** A dimension given as in PyTorch (negative counts from the end) as 0 .. rank-1. */
  static int normalizeAxis(int axis, int rank) {
    if (axis < -rank || axis >= rank) {
      throw new LabInputException("tensors.error.axisRange", axis, -rank, rank - 1);
    }
    return axis < 0 ? axis + rank : axis;
  }

  private record Moved(TensorValues output, int[] outputOfInput) {}

  private static Moved rearrange(TensorValues x, int[] order) {
    INDArray out = Nd4jTensors.toNd4j(x).permute(order).dup('c');
    // the same permutation applied to the cell numbers tells where each cell went
    INDArray numbers = Nd4j.arange(x.size()).castTo(DataType.DOUBLE).reshape('c', Shapes.toLong(x.shape()));
    double[] sourceOfOutput = numbers.permute(order).dup('c').data().asDouble();
    int[] outputOfInput = new int[x.size()];
    for (int o = 0; o < sourceOfOutput.length; o++) {
      outputOfInput[(int) sourceOfOutput[o]] = o;
    }
    return new Moved(Nd4jTensors.toValues(out), outputOfInput);
  }

  private static int[] inferShape(int[] requested, int size) {
    int inferred = -1;
    int known = 1;
    for (int i = 0; i < requested.length; i++) {
      if (requested[i] == -1) {
        if (inferred >= 0) {
          throw new LabInputException("tensors.error.reshapeTwoInferred", Shapes.list(requested));
        }
        inferred = i;
      } else if (requested[i] < 1) {
        throw new LabInputException("tensors.error.sizeNotPositive", Shapes.numpy(requested));
      } else {
        known *= requested[i];
      }
    }
    int[] shape = requested.clone();
    if (inferred >= 0) {
      if (known == 0 || size % known != 0) {
        throw new LabInputException("tensors.error.reshapeSize", Shapes.list(requested), size);
      }
      shape[inferred] = size / known;
    }
    if (TensorValues.sizeOf(shape) != size) {
      throw new LabInputException("tensors.error.reshapeSize", Shapes.list(requested), size);
    }
    return shape;
  }
}
