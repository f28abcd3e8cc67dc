package org.tensorworkbench.engine.lab.tensor;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Where a lab tensor's values come from, as in d2l 2.1: {@code torch.arange(n).reshape(...)},
 * random integers, {@code torch.ones(...)}, or numbers typed in row-major order.
 */
public enum TensorSource {
  ARANGE,
  RANDOM_INTEGERS,
  ONES,
  TYPED;

  /** Random integers are drawn from 0 to this bound, exclusive (small, so sums stay readable). */
  public static final int RANDOM_BOUND = 10;

  /**
   * Creates the tensor with ND4J.
   *
   * @param shape its shape (validated with {@link Shapes#checkDrawable})
   * @param seed the seed for {@link #RANDOM_INTEGERS}
   * @param typed the typed values for {@link #TYPED}: numbers separated by commas, spaces or
   *     brackets, row-major; ignored by the other sources
   * @throws LabInputException when the shape or the typed values are not usable
   */
  public TensorValues create(int[] shape, long seed, String typed) {
    Shapes.checkDrawable(shape);
    long[] dims = Shapes.toLong(shape);
    int size = TensorValues.sizeOf(shape);
    INDArray array = switch (this) {
      case ARANGE -> Nd4j.arange(size).castTo(DataType.DOUBLE).reshape('c', dims);
      case ONES -> Nd4j.ones(DataType.DOUBLE, dims);
      case RANDOM_INTEGERS -> randomIntegers(dims, seed);
      case TYPED -> Nd4j.create(parseValues(typed, shape), dims, 'c');
    };
    return Nd4jTensors.toValues(array);
  }

  /** The PyTorch expression that creates such a tensor, for the code lines. */
  public String pytorch(int[] shape) {
    return switch (this) {
      case ARANGE -> "torch.arange(" + TensorValues.sizeOf(shape) + ").reshape(" + Shapes.args(shape) + ")";
      case ONES -> "torch.ones(" + Shapes.args(shape) + ")";
      case RANDOM_INTEGERS -> "torch.randint(0, " + RANDOM_BOUND + ", " + Shapes.numpy(shape) + ")";
      case TYPED -> "torch.tensor([...]).reshape(" + Shapes.args(shape) + ")";
    };
  }

  private static INDArray randomIntegers(long[] dims, long seed) {
    Random rng = Nd4j.getRandomFactory().getNewRandomInstance(seed);
    // uniform in [0, bound), floored: the integers 0 .. bound-1 equally likely
    INDArray uniform = Nd4j.rand(dims, 0.0, RANDOM_BOUND, rng).castTo(DataType.DOUBLE);
    return Transforms.floor(uniform, false);
  }

  private static double[] parseValues(String text, int[] shape) {
    String body = text == null ? "" : text.replaceAll("[()\\[\\]]", " ").strip();
    List<Double> values = new ArrayList<>();
    if (!body.isEmpty()) {
      for (String part : body.split("[,;\\s]+")) {
        if (part.isEmpty()) {
          continue;
        }
        try {
          values.add(Double.parseDouble(part));
        } catch (NumberFormatException e) {
          throw new LabInputException("tensors.error.notANumber", part);
        }
      }
    }
    int size = TensorValues.sizeOf(shape);
    if (values.size() != size) {
      throw new LabInputException("tensors.error.valueCount", Shapes.numpy(shape), size, values.size());
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
