package org.tensorworkbench.engine.lab.tensor;

/**
 * A shape operation's input and output, with where each input cell went.
 *
 * @param input the tensor before
 * @param output the tensor after
 * @param outputOfInput for each input cell (row-major position), the output cell its value moved
 *     to (reshape, transpose, permute) or was added into (sum, mean)
 * @param code the statement in PyTorch and in ND4J
 */
public record ShapeOpResult(TensorValues input, TensorValues output, int[] outputOfInput, CodeLines code) {

  /** The input cells that went into output cell {@code outputFlat}, in row-major order. */
  public int[] inputsOf(int outputFlat) {
    return java.util.stream.IntStream.range(0, outputOfInput.length)
        .filter(i -> outputOfInput[i] == outputFlat).toArray();
  }
}
