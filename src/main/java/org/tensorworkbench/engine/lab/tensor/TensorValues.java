package org.tensorworkbench.engine.lab.tensor;

import java.util.Arrays;

/**
 * A tensor copied out of ND4J for display: its shape and its values in row-major (C) order, the
 * order in which {@code torch.arange(12).reshape(2, 2, 3)} numbers its cells.
 *
 * <p>The UI draws these and never touches ND4J. A rank-0 tensor (a scalar, e.g. the result of
 * a dot product) has the empty shape and one value.
 *
 * @param shape the size of each dimension, outermost first
 * @param values {@code product(shape)} values, last index fastest
 * @param bool whether the values are truth values (1 = True, 0 = False), as a comparison gives
 */
public record TensorValues(int[] shape, double[] values, boolean bool) {

  public TensorValues {
    shape = shape.clone();
    values = values.clone();
    if (values.length != sizeOf(shape)) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " needs " + sizeOf(shape) + " values, got " + values.length);
    }
  }

  /** A tensor of numbers. */
  public static TensorValues of(int[] shape, double... values) {
    return new TensorValues(shape, values, false);
  }

  public int rank() {
    return shape.length;
  }

  public int size() {
    return values.length;
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /** The value at a full index, e.g. {@code get(1, 0, 2)} for a rank-3 tensor. */
  public double get(int... index) {
    return values[flatIndex(shape, index)];
  }

  /** The value at a row-major position {@code 0 <= flat < size()}. */
  public double at(int flat) {
    return values[flat];
  }

  /** The number of values a shape holds: the product of its sizes (1 for a scalar). */
  public static int sizeOf(int[] shape) {
    int n = 1;
    for (int s : shape) {
      n *= s;
    }
    return n;
  }

  /** Row-major position of {@code index} in a tensor of {@code shape}. */
  public static int flatIndex(int[] shape, int[] index) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException("index " + Arrays.toString(index) + " for shape " + Arrays.toString(shape));
    }
    int flat = 0;
    for (int d = 0; d < shape.length; d++) {
      if (index[d] < 0 || index[d] >= shape[d]) {
        throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " for shape " + Arrays.toString(shape));
      }
      flat = flat * shape[d] + index[d];
    }
    return flat;
  }

  /** The full index of row-major position {@code flat} in a tensor of {@code shape}. */
  public static int[] unravel(int[] shape, int flat) {
    int[] index = new int[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      index[d] = flat % shape[d];
      flat /= shape[d];
    }
    return index;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorValues t && bool == t.bool && Arrays.equals(shape, t.shape)
        && Arrays.equals(values, t.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values) + (bool ? 1 : 0);
  }

  @Override
  public String toString() {
    return "TensorValues" + Arrays.toString(shape) + Arrays.toString(values);
  }
}
