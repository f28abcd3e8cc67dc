package org.tensorworkbench.engine.spec;

/**
 * Avg pooling over [N, C, H, W]: each output value is the mean of a window (d2l 7.5). The
 * output size follows the convolution formula with the window as kernel; channels are kept.
 */
public record AvgPool2dSpec(Size2 window, Size2 stride, Padding padding) implements LayerSpec {
  public AvgPool2dSpec {
    if (window == null) {
      throw new SpecException("spec.error.missingField", "window");
    }
    stride = stride == null ? window : stride;
    padding = padding == null ? Padding.NONE : padding;
  }

  /** A k x k window with stride k, as d2l's default. */
  public static AvgPool2dSpec of(int window) {
    return new AvgPool2dSpec(Size2.of(window), Size2.of(window), Padding.NONE);
  }

  public static AvgPool2dSpec of(int window, int stride) {
    return new AvgPool2dSpec(Size2.of(window), Size2.of(stride), Padding.NONE);
  }

  public AvgPool2dSpec withPadding(Padding p) {
    return new AvgPool2dSpec(window, stride, p);
  }
}
