package org.tensorworkbench.engine.lab.conv;

import java.util.Arrays;

/**
 * A full convolution layer's weights: {@code [C_out, C_in, k_h, k_w]} (ND4J's OIYX layout, the
 * same order as PyTorch) and one bias per output channel.
 */
public record ConvKernel(int outChannels, int inChannels, int height, int width, float[] weights, float[] bias) {

  public ConvKernel {
    if ((long) outChannels * inChannels * height * width != weights.length || bias.length != outChannels) {
      throw new IllegalArgumentException("weights/bias do not match " + outChannels + "x" + inChannels
          + "x" + height + "x" + width);
    }
  }

  /**
   * Stacks 2-D kernels into one layer: output channel o uses {@code perOutput[o]} on every input
   * channel, so its value is the sum over input channels of that kernel's cross-correlation.
   */
  public static ConvKernel replicated(int inChannels, float bias, Kernel2d... perOutput) {
    Kernel2d first = perOutput[0];
    int taps = first.rows() * first.cols();
    float[] w = new float[perOutput.length * inChannels * taps];
    for (int o = 0; o < perOutput.length; o++) {
      if (perOutput[o].rows() != first.rows() || perOutput[o].cols() != first.cols()) {
        throw new IllegalArgumentException("output kernels differ in shape");
      }
      for (int c = 0; c < inChannels; c++) {
        System.arraycopy(perOutput[o].weights(), 0, w, (o * inChannels + c) * taps, taps);
      }
    }
    float[] b = new float[perOutput.length];
    Arrays.fill(b, bias);
    return new ConvKernel(perOutput.length, inChannels, first.rows(), first.cols(), w, b);
  }

  public float weight(int o, int c, int row, int col) {
    return weights[((o * inChannels + c) * height + row) * width + col];
  }

  public boolean hasBias() {
    for (float b : bias) {
      if (b != 0) {
        return true;
      }
    }
    return false;
  }
}
