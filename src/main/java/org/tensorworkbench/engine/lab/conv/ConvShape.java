package org.tensorworkbench.engine.lab.conv;

import org.tensorworkbench.engine.spec.ConvArithmetic;

/**
 * The output size of a cross-correlation along one axis (d2l 7.3, with dilation as in PyTorch's
 * {@code Conv2d} documentation):
 *
 * <pre>  out = ⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1</pre>
 *
 * for input size n, kernel size k, padding p, dilation d and stride s. The record keeps every
 * term so the screen can show the formula with the numbers filled in.
 */
public record ConvShape(int n, int k, int p, int s, int d, int out) {

  /** Evaluates the formula; a kernel wider than the padded input is an error a person can fix. */
  public static ConvShape of(int n, int k, int p, int s, int d) {
    int span = ConvArithmetic.effectiveKernel(k, d);
    if (span > n + 2 * p) {
      throw new ConvLabException("kernels.error.kernelTooLarge", span, n + 2 * p);
    }
    return new ConvShape(n, k, p, s, d, (int) ConvArithmetic.outputSize(n, k, s, p, d));
  }

  /** The numerator n + 2p − d(k − 1) − 1 before the division by the stride. */
  public int numerator() {
    return n + 2 * p - d * (k - 1) - 1;
  }

  /** Output size of a pooling window w with stride s and no padding: ⌊(n − w)/s⌋ + 1. */
  public static ConvShape pooling(int n, int window, int stride) {
    return of(n, window, 0, stride, 1);
  }
}
