package org.tensorworkbench.engine.lab.conv;

/**
 * Zero padding, stride and dilation of a 2-D cross-correlation, per axis (d2l 7.3: padding
 * (p_h, p_w), stride (s_h, s_w); dilation d spreads the kernel taps d pixels apart).
 */
public record ConvParams(int padH, int padW, int strideH, int strideW, int dilationH, int dilationW) {

  public ConvParams {
    if (padH < 0 || padW < 0) {
      throw new ConvLabException("kernels.error.padding", Math.min(padH, padW));
    }
    if (strideH < 1 || strideW < 1) {
      throw new ConvLabException("kernels.error.stride", Math.min(strideH, strideW));
    }
    if (dilationH < 1 || dilationW < 1) {
      throw new ConvLabException("kernels.error.dilation", Math.min(dilationH, dilationW));
    }
  }

  /** The same padding, stride and dilation on both axes. */
  public static ConvParams square(int padding, int stride, int dilation) {
    return new ConvParams(padding, padding, stride, stride, dilation, dilation);
  }

  /** No padding, stride 1, no dilation: d2l's {@code corr2d}. */
  public static ConvParams plain() {
    return square(0, 1, 1);
  }
}
