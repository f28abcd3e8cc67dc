package org.tensorworkbench.engine.export;

import java.util.Arrays;

/**
 * One trained parameter in PyTorch's layout, as plain values: a dense weight is [out, in], a
 * convolution weight [outC, inC, kH, kW] (the layout of ONNX and of {@code torch.nn}), vectors
 * such as biases and BatchNorm statistics [C].
 *
 * @param name the workbench's name of the parameter, e.g. "conv1/W" (see GraphNames)
 * @param shape the dimensions
 * @param values the values in row-major order
 */
public record ParameterTensor(String name, long[] shape, float[] values) {
  public ParameterTensor {
    shape = shape.clone();
    if (Arrays.stream(shape).reduce(1, (a, b) -> a * b) != values.length) {
      throw new IllegalArgumentException(name + ": " + values.length + " values for shape " + Arrays.toString(shape));
    }
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  public int rank() {
    return shape.length;
  }
}
