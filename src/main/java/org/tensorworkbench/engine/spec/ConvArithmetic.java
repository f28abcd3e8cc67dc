package org.tensorworkbench.engine.spec;

/**
 * THE convolution and pooling arithmetic of the workbench, used by shape inference, the summary
 * and the labs, so every screen shows the same numbers.
 *
 * <p>Output size along one axis (d2l 7.3, with dilation as in PyTorch's {@code Conv2d}):
 *
 * <pre>  out = ⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1</pre>
 *
 * for input size n, padding p per side, kernel k, dilation d, stride s. "Same" padding
 * (TensorFlow's rule, which libnd4j's {@code ConvolutionUtils::calcPadding2D} and therefore
 * SameDiff's {@code PaddingMode.SAME} follow) gives {@code out = ⌈n / s⌉} with total padding
 * {@code max((out − 1)·s + d(k − 1) + 1 − n, 0)}, of which ⌊total/2⌋ goes on the top/left and
 * the rest (one more when it is odd) on the bottom/right. Pooling uses the same formulas with
 * the window as kernel, dilation 1 and floor rounding (PyTorch's {@code ceil_mode=False}).
 *
 * <p>Operation counts of a convolution over a batch of N with C_in input and C_out output
 * channels, a kh x kw kernel and an H_out x W_out output: each output value is a dot product of
 * C_in·kh·kw products, summed with C_in·kh·kw − 1 additions, plus one addition for the bias:
 *
 * <pre>
 *   multiplications = N·C_out·H_out·W_out·C_in·kh·kw
 *   additions       = N·C_out·H_out·W_out·(C_in·kh·kw − 1)  [+ N·C_out·H_out·W_out with bias]
 * </pre>
 *
 * A dense layer is the 1x1 case with H_out = W_out = 1 and C_in, C_out the feature counts.
 */
public final class ConvArithmetic {
  private ConvArithmetic() {}

  /** The span of a dilated kernel: d(k − 1) + 1 (a 3-tap kernel with dilation 2 spans 5). */
  public static int effectiveKernel(int kernel, int dilation) {
    return dilation * (kernel - 1) + 1;
  }

  /**
   * ⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1 with explicit padding p on each side; zero or negative
   * when the kernel does not fit (the floor is taken towards −∞).
   */
  public static long outputSize(long n, int kernel, int stride, int padding, int dilation) {
    return Math.floorDiv(n + 2L * padding - effectiveKernel(kernel, dilation), stride) + 1;
  }

  /** ⌈n / s⌉: the output size with "same" padding. */
  public static long sameOutputSize(long n, int stride) {
    return Math.floorDiv(n + stride - 1, stride);
  }

  /** Total "same" padding along one axis: max((⌈n/s⌉ − 1)·s + d(k − 1) + 1 − n, 0). */
  public static long samePaddingTotal(long n, int kernel, int stride, int dilation) {
    long out = sameOutputSize(n, stride);
    return Math.max((out - 1) * stride + effectiveKernel(kernel, dilation) - n, 0);
  }

  /** The part of the "same" padding on the top (or left): ⌊total / 2⌋. */
  public static long samePaddingBefore(long n, int kernel, int stride, int dilation) {
    return samePaddingTotal(n, kernel, stride, dilation) / 2;
  }

  /** The part of the "same" padding on the bottom (or right): ⌈total / 2⌉. */
  public static long samePaddingAfter(long n, int kernel, int stride, int dilation) {
    long total = samePaddingTotal(n, kernel, stride, dilation);
    return total - total / 2;
  }

  /** N·C_out·H_out·W_out·C_in·kh·kw. */
  public static long convMultiplications(long batch, long inChannels, long outChannels,
      long outHeight, long outWidth, long kernelHeight, long kernelWidth) {
    return product(batch, outChannels, outHeight, outWidth, inChannels, kernelHeight, kernelWidth);
  }

  /** N·C_out·H_out·W_out·(C_in·kh·kw − 1), plus N·C_out·H_out·W_out when there is a bias. */
  public static long convAdditions(long batch, long inChannels, long outChannels,
      long outHeight, long outWidth, long kernelHeight, long kernelWidth, boolean bias) {
    long outputs = product(batch, outChannels, outHeight, outWidth);
    return Math.addExact(Math.multiplyExact(outputs, product(inChannels, kernelHeight, kernelWidth) - 1), bias ? outputs : 0);
  }

  /** Dense layer: N·D_out·D_in. */
  public static long denseMultiplications(long batch, long inFeatures, long outFeatures) {
    return product(batch, outFeatures, inFeatures);
  }

  /** The product, or an ArithmeticException when it does not fit a long (never a wrapped-around count). */
  public static long product(long... factors) {
    long p = 1;
    for (long f : factors) {
      p = Math.multiplyExact(p, f);
    }
    return p;
  }

  /** Dense layer: N·D_out·(D_in − 1), plus N·D_out when there is a bias. */
  public static long denseAdditions(long batch, long inFeatures, long outFeatures, boolean bias) {
    return convAdditions(batch, inFeatures, outFeatures, 1, 1, 1, 1, bias);
  }
}
