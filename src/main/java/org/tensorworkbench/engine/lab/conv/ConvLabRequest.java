package org.tensorworkbench.engine.lab.conv;

import java.util.Optional;

/**
 * Everything the Kernel Lab computes from: image, channel treatment, kernel, bias, geometry,
 * activation, optional pooling and how to display the result.
 *
 * @param shownChannel the output channel to display, or {@link #ALL_CHANNELS} for the colour
 *     composite ({@link ChannelMode#EACH_CHANNEL}) or the gradient magnitude ({@link
 *     ChannelMode#MULTI_CHANNEL})
 */
public record ConvLabRequest(ImagePlanes image, ChannelMode channels, Kernel2d kernel, float bias,
    ConvParams params, Activation activation, Optional<PoolSpec> pool, DisplayMode display, int shownChannel) {
  public static final int ALL_CHANNELS = -1;

  /** Grey image, no activation, no pooling, min-max display: d2l's plain {@code corr2d}. */
  public static ConvLabRequest simple(ImagePlanes image, Kernel2d kernel, ConvParams params) {
    return new ConvLabRequest(image, ChannelMode.GRAYSCALE, kernel, 0f, params, Activation.NONE,
        Optional.empty(), DisplayMode.MIN_MAX, ALL_CHANNELS);
  }
}
