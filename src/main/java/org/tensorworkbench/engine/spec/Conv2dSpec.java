package org.tensorworkbench.engine.spec;

/**
 * A 2-D convolution (cross-correlation, as in d2l 7.2) over [N, C, H, W]. The output size per
 * spatial dimension is ⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1 (d2l 7.3).
 */
public record Conv2dSpec(
    int outChannels, Size2 kernel, Size2 stride, Padding padding, Size2 dilation, boolean bias, Initializer init)
    implements LayerSpec {
  public Conv2dSpec {
    if (outChannels < 1) {
      throw new SpecException("spec.error.channelsNotPositive", outChannels);
    }
    if (kernel == null) {
      throw new SpecException("spec.error.missingField", "kernel");
    }
    stride = stride == null ? Size2.of(1) : stride;
    padding = padding == null ? Padding.NONE : padding;
    dilation = dilation == null ? Size2.of(1) : dilation;
    init = init == null ? Initializer.XAVIER : init;
  }

  /** A k x k convolution with stride 1, no padding, no dilation, with bias. */
  public static Conv2dSpec of(int outChannels, int kernel) {
    return new Conv2dSpec(outChannels, Size2.of(kernel), Size2.of(1), Padding.NONE, Size2.of(1), true, Initializer.XAVIER);
  }

  public Conv2dSpec withPadding(Padding p) {
    return new Conv2dSpec(outChannels, kernel, stride, p, dilation, bias, init);
  }

  public Conv2dSpec withStride(int s) {
    return new Conv2dSpec(outChannels, kernel, Size2.of(s), padding, dilation, bias, init);
  }

  public Conv2dSpec withDilation(int d) {
    return new Conv2dSpec(outChannels, kernel, stride, padding, Size2.of(d), bias, init);
  }

  public Conv2dSpec withBias(boolean b) {
    return new Conv2dSpec(outChannels, kernel, stride, padding, dilation, b, init);
  }

  public Conv2dSpec withInit(Initializer i) {
    return new Conv2dSpec(outChannels, kernel, stride, padding, dilation, bias, i);
  }
}
