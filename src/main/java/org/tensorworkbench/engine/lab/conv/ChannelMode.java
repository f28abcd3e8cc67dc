package org.tensorworkbench.engine.lab.conv;

/**
 * How the Kernel Lab treats the colour channels (d2l 7.4).
 *
 * <ul>
 *   <li>{@link #GRAYSCALE}: one input channel (the luma), one output channel;
 *   <li>{@link #EACH_CHANNEL}: the same 2-D kernel on R, G and B separately, three output channels
 *       shown as a colour image (run as a batch of three one-channel images);
 *   <li>{@link #MULTI_CHANNEL}: a true multi-input-channel layer, kernel [C_out, C_in, k, k]; each
 *       output channel sums over the input channels. Output 0 uses the edited kernel K on every
 *       input channel, output 1 (square kernels only) its transpose Kᵀ, so Sobel x gives the x and
 *       y gradients and the screen can show the gradient magnitude √(g_x² + g_y²).
 * </ul>
 */
public enum ChannelMode {
  GRAYSCALE,
  EACH_CHANNEL,
  MULTI_CHANNEL;

  public String id() {
    return switch (this) {
      case GRAYSCALE -> "gray";
      case EACH_CHANNEL -> "each";
      case MULTI_CHANNEL -> "multi";
    };
  }

  public static ChannelMode byId(String id) {
    for (ChannelMode m : values()) {
      if (m.id().equalsIgnoreCase(id)) {
        return m;
      }
    }
    throw new ConvLabException("kernels.error.unknownChannels", id);
  }
}
