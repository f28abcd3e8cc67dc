package org.tensorworkbench.engine.lab.conv;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Max and average pooling (d2l 7.5) on ND4J's native pooling ops, per channel, no padding:
 * output size ⌊(n − w)/s⌋ + 1 along each axis.
 */
public final class Pool2dOp {
  private Pool2dOp() {}

  /** {@code [N, C, H, W] → [N, C, H_out, W_out]}. */
  public static FeatureMaps pool(FeatureMaps input, PoolSpec spec) {
    ConvShape rows = ConvShape.pooling(input.height(), spec.window(), spec.stride());
    ConvShape cols = ConvShape.pooling(input.width(), spec.window(), spec.stride());
    Pooling2DConfig config = Pooling2DConfig.builder()
        .kH(spec.window()).kW(spec.window())
        .sH(spec.stride()).sW(spec.stride())
        .pH(0).pW(0).dH(1).dW(1)
        .paddingMode(PaddingMode.VALID)
        .isNHWC(false)
        .type(spec.type() == PoolSpec.Type.MAX ? Pooling2D.Pooling2DType.MAX : Pooling2D.Pooling2DType.AVG)
        .divisor(Pooling2D.Divisor.INCLUDE_PADDING)
        .build();
    INDArray x = Nd4j.create(input.data(), input.shape(), 'c'); // [N, C, H, W]
    INDArray y = spec.type() == PoolSpec.Type.MAX
        ? Nd4j.cnn().maxPooling2d(x, config)
        : Nd4j.cnn().avgPooling2d(x, config); // [N, C, H_out, W_out]
    try {
      return new FeatureMaps(input.batch(), input.channels(), rows.out(), cols.out(), Conv2dOp.toFloats(y));
    } finally {
      x.close();
      y.close();
    }
  }
}
