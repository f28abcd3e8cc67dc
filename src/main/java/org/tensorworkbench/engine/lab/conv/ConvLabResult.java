package org.tensorworkbench.engine.lab.conv;

import org.tensorworkbench.engine.image.Raster;
import java.util.Optional;

/**
 * What the Kernel Lab computed, as primitive-array records for the screen.
 *
 * @param input the tensor really convolved: {@code [1, 1, H, W]} grey, {@code [3, 1, H, W]} for
 *     each channel separately, {@code [1, 3, H, W]} for the multi-channel layer
 * @param layer the weights {@code [C_out, C_in, k_h, k_w]} and bias really used
 * @param params padding, stride and dilation used
 * @param conv the cross-correlation plus bias, before activation and pooling
 * @param output after activation and pooling, channels of all images together: {@code [1, C, H', W']}
 * @param rows the output-size formula along the height, {@code cols} along the width
 * @param poolRows the pooling stage's size formula, if there is one
 * @param min the smallest value of {@code output}, {@code max} the largest
 * @param display the output as pixels in the chosen display mode
 */
public record ConvLabResult(FeatureMaps input, ConvKernel layer, ConvParams params, FeatureMaps conv,
    FeatureMaps output, ConvShape rows, ConvShape cols, Optional<ConvShape> poolRows,
    Optional<ConvShape> poolCols, float min, float max, Raster display) {

  /** The operation count of the convolution for one image, with or without the bias addition. */
  public OpCounts opCounts(boolean bias) {
    return OpCounts.of(input.batch(), layer.inChannels(), layer.outChannels(), rows.out(), cols.out(),
        layer.height(), layer.width(), bias);
  }

  /** The convolution's output shape as d2l prints it, {@code [1, C_out, H_out, W_out]}. */
  public int[] convShape() {
    return new int[] {1, conv.batch() * conv.channels(), conv.height(), conv.width()};
  }

  /** The final shape after activation and pooling. */
  public int[] outputShape() {
    return new int[] {1, output.channels(), output.height(), output.width()};
  }

  /** Explains one value of the convolution stage; {@code channel} indexes {@link #convShape()}[1]. */
  public WindowExplanation explain(int channel, int row, int col) {
    boolean channelsAsBatch = input.batch() > 1;
    int n = channelsAsBatch ? channel : 0;
    int o = channelsAsBatch ? 0 : channel;
    return WindowExplanation.of(input, layer, params, n, o, row, col);
  }
}
