package org.tensorworkbench.engine.spec;

/**
 * The arithmetic of one forward pass of a layer for a whole batch, counted exactly by the
 * conventions below (see {@link ShapeInference} for the count of each layer kind).
 *
 * <ul>
 *   <li>{@code multiplications}: products; a division counts as a multiplication (by the
 *       reciprocal), as in an average pool's 1/(k·k).
 *   <li>{@code additions}: sums and differences, including adding a bias.
 *   <li>{@code comparisons}: max pooling and ReLU-style activations.
 *   <li>{@code functions}: evaluations of exp, sigmoid, tanh, GELU or a square root.
 * </ul>
 *
 * Multiplications by zero padding are counted: a convolution always multiplies its full kernel,
 * as the hardware does.
 */
public record OpCount(long multiplications, long additions, long comparisons, long functions) {
  public static final OpCount ZERO = new OpCount(0, 0, 0, 0);

  public OpCount plus(OpCount o) {
    return new OpCount(Math.addExact(multiplications, o.multiplications), Math.addExact(additions, o.additions),
        Math.addExact(comparisons, o.comparisons), Math.addExact(functions, o.functions));
  }

  public static OpCount multiplyAdd(long multiplications, long additions) {
    return new OpCount(multiplications, additions, 0, 0);
  }
}
