package org.tensorworkbench.engine.spec;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The dimensions of a tensor, e.g. [10, 6, 28, 28] for a batch of ten 6-channel 28x28 feature
 * maps (batch first, then channels, as d2l and PyTorch write them), or [6, 1, 5, 5] for a
 * convolution weight. Printed the way d2l prints {@code X.shape}.
 */
public record TensorShape(List<Integer> dims) {
  public TensorShape {
    dims = List.copyOf(dims);
    if (dims.stream().anyMatch(d -> d < 0)) {
      throw new IllegalArgumentException("negative dimension in " + dims);
    }
  }

  public static TensorShape of(int... dims) {
    return new TensorShape(Arrays.stream(dims).boxed().toList());
  }

  public int rank() {
    return dims.size();
  }

  public int dim(int axis) {
    return dims.get(axis);
  }

  /** The number of elements, the product of the dimensions. */
  public long elements() {
    long n = 1;
    for (int d : dims) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** The dimensions after the first (the batch): the shape of one example. */
  public TensorShape perExample() {
    return new TensorShape(dims.subList(1, dims.size()));
  }

  /** For comparing with {@code INDArray.shape()} / {@code SDVariable.getShape()}. */
  public long[] toLongArray() {
    return dims.stream().mapToLong(Integer::longValue).toArray();
  }

  public int[] toIntArray() {
    return dims.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The shape with the first dimension shown as a symbol, e.g. "[N, 6, 28, 28]" for the builder. */
  public String format(String batchSymbol) {
    if (dims.isEmpty()) {
      return "[]";
    }
    return dims.subList(1, dims.size()).stream().map(String::valueOf)
        .collect(Collectors.joining(", ", "[" + batchSymbol + (dims.size() > 1 ? ", " : ""), "]"));
  }

  @Override
  public String toString() {
    return dims.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
  }
}
