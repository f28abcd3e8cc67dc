package org.tensorworkbench.engine.lab.conv;

import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 2-D cross-correlation on ND4J's native {@code conv2d} (oneDNN on x86_64):
 *
 * <pre>  Y[n, o, i, j] = b[o] + Σ_c Σ_u Σ_v X̃[n, c, i·s_h + u·d_h, j·s_w + v·d_w] · K[o, c, u, v]</pre>
 *
 * where X̃ is X with p zeros around it. Like every deep-learning library (and d2l 7.2, which
 * calls it "convolution"), the kernel is not flipped: this is cross-correlation. A true
 * convolution is the same with the kernel rotated by 180°.
 *
 * <p>Dilation is run as the equivalent undilated kernel of side d(k − 1) + 1 with d − 1 zeros
 * between the taps: ND4J M2.1's oneDNN path refuses some dilated geometries ("could not create a
 * descriptor for a dilated convolution"), and the zero-spread kernel gives exactly the same sums.
 */
public final class Conv2dOp {
  private Conv2dOp() {}

  /** {@code [N, C, H, W] ⋆ [O, C, kH, kW] + b → [N, O, H_out, W_out]}. */
  public static FeatureMaps crossCorrelate(FeatureMaps input, ConvKernel kernel, ConvParams p) {
    if (kernel.inChannels() != input.channels()) {
      throw new ConvLabException("kernels.error.channels", kernel.inChannels(), input.channels());
    }
    ConvShape rows = ConvShape.of(input.height(), kernel.height(), p.padH(), p.strideH(), p.dilationH());
    ConvShape cols = ConvShape.of(input.width(), kernel.width(), p.padW(), p.strideW(), p.dilationW());
    if (p.dilationH() > 1 || p.dilationW() > 1) {
      kernel = spread(kernel, p.dilationH(), p.dilationW());
      p = new ConvParams(p.padH(), p.padW(), p.strideH(), p.strideW(), 1, 1);
    }
    Conv2DConfig config = Conv2DConfig.builder()
        .kH(kernel.height()).kW(kernel.width())
        .sH(p.strideH()).sW(p.strideW())
        .pH(p.padH()).pW(p.padW())
        .dH(p.dilationH()).dW(p.dilationW())
        .paddingMode(PaddingMode.VALID) // VALID = use the explicit pH/pW given above
        .dataFormat("NCHW")
        .weightsFormat(WeightsFormat.OIYX)
        .build();
    INDArray x = Nd4j.create(input.data(), input.shape(), 'c'); // [N, C, H, W]
    INDArray w = Nd4j.create(kernel.weights(), // [O, C, kH, kW]
        new long[] {kernel.outChannels(), kernel.inChannels(), kernel.height(), kernel.width()}, 'c');
    INDArray b = Nd4j.create(kernel.bias(), new long[] {kernel.outChannels()}, 'c'); // [O]
    INDArray y = Nd4j.cnn().conv2d(x, w, b, config); // [N, O, H_out, W_out]
    try {
      if (y.size(2) != rows.out() || y.size(3) != cols.out()) {
        throw new IllegalStateException("ND4J returned " + java.util.Arrays.toString(y.shape())
            + ", the formula says " + rows.out() + "x" + cols.out());
      }
      return new FeatureMaps(input.batch(), kernel.outChannels(), rows.out(), cols.out(), Conv2dOp.toFloats(y));
    } finally {
      x.close();
      w.close();
      b.close();
      y.close();
    }
  }

  /** The array's values in row-major order, copied once (a fresh, dense c-order result is not duplicated first). */
  static float[] toFloats(INDArray a) {
    boolean dense = a.ordering() == 'c' && !a.isView() && a.data().length() == a.length();
    return dense ? a.data().asFloat() : a.dup('c').data().asFloat();
  }

  /** The kernel with {@code dh − 1} zero rows and {@code dw − 1} zero columns between its taps. */
  static ConvKernel spread(ConvKernel k, int dh, int dw) {
    int h = dh * (k.height() - 1) + 1;
    int w = dw * (k.width() - 1) + 1;
    float[] out = new float[k.outChannels() * k.inChannels() * h * w]; // [O, C, h, w]
    for (int o = 0; o < k.outChannels(); o++) {
      for (int c = 0; c < k.inChannels(); c++) {
        for (int u = 0; u < k.height(); u++) {
          for (int v = 0; v < k.width(); v++) {
            out[((o * k.inChannels() + c) * h + u * dh) * w + v * dw] = k.weight(o, c, u, v);
          }
        }
      }
    }
    return new ConvKernel(k.outChannels(), k.inChannels(), h, w, out, k.bias());
  }
}
