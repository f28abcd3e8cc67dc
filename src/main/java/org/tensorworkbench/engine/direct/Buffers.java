package org.tensorworkbench.engine.direct;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A layer's work arrays, allocated on first use and reused by every later minibatch of the same
 * size: an epoch allocates them at most twice (full batches and the last, shorter one), so the
 * native allocator and the garbage collector have nothing to do while training.
 */
final class Buffers {
  private final DataType dataType;
  private final Map<String, INDArray> arrays = new HashMap<>();

  Buffers(DataType dataType) {
    this.dataType = dataType;
  }

  /** The array called {@code role} of exactly {@code shape} (c order); its contents are what the last user left. */
  INDArray get(String role, long... shape) {
    return arrays.computeIfAbsent(role + Arrays.toString(shape), k -> Nd4j.createUninitialized(dataType, shape));
  }

  /** Frees every array at once rather than when the garbage collector runs. */
  void release() {
    arrays.values().forEach(INDArray::close);
    arrays.clear();
  }
}
