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
    long span = (long) d * (k - 1) + 1;
    long padded = n + 2L * p;
    if (span > padded) {
      throw new ConvLabException("kernels.error.kernelTooLarge", span, padded);
    }
    long out = ConvArithmetic.outputSize(n, k, s, p, d);
    if (padded > Integer.MAX_VALUE || out > Integer.MAX_VALUE) {
      throw new ConvLabException("kernels.error.tooLarge", padded, Integer.MAX_VALUE);
    }
    return new ConvShape(n, k, p, s, d, (int) out);
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
