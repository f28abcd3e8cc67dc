package org.tensorworkbench.engine.inspect;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A copy of one tensor as plain Java arrays, so the UI can draw weights and activations without
 * touching ND4J. Taken on the thread that owns the tensor (e.g. inside a training listener),
 * because parameters are updated in place and a copy made from another thread could mix two
 * iterations.
 *
 * @param name the variable or layer output it was copied from, e.g. {@code conv1_W}
 * @param values the elements in row-major (C) order
 * @param shape the dimensions, e.g. {@code [5, 5, 1, 6]} for conv weights {@code [kH, kW, inC, outC]}
 */
public record TensorSnapshot(String name, float[] values, int[] shape) {

  public TensorSnapshot {
    long expected = 1;
    for (int d : shape) {
      expected *= d;
    }
    if (expected != values.length) {
      throw new IllegalArgumentException(name + ": " + values.length + " values for shape " + Arrays.toString(shape));
    }
  }

  /** Copies {@code array} (any layout, any floating type) into a new snapshot. */
  public static TensorSnapshot of(String name, INDArray array) {
    long[] longShape = array.shape();
    int[] shape = new int[longShape.length];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = Math.toIntExact(longShape[i]);
    }
    float[] values;
    if (array.dataType() == DataType.FLOAT && array.ordering() == 'c' && !array.isView()
        && array.data().length() == array.length()) {
      values = array.data().asFloat(); // [product of shape], already row-major
    } else {
      try (INDArray copy = array.castTo(DataType.FLOAT).dup('c')) {
        values = copy.data().asFloat();
      }
    }
    return new TensorSnapshot(name, values, shape);
  }

  /** The number of elements. */
  public int size() {
    return values.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorSnapshot t && name.equals(t.name) && Arrays.equals(values, t.values)
        && Arrays.equals(shape, t.shape);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * name.hashCode() + Arrays.hashCode(values)) + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return "TensorSnapshot[" + name + " " + Arrays.toString(shape) + "]";
  }
}
