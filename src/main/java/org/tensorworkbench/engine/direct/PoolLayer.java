package org.tensorworkbench.engine.direct;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.AvgPooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.MaxPooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2DDerivative;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Max or average pooling over [N, C, H, W], or [N, H, W, C] after channels-last layers, with libnd4j's pooling op and its backward op
 * (maxpool2d_bp routes the gradient to each window's maximum, avgpool2d_bp spreads it evenly),
 * configured exactly as the SameDiff graph's pooling so both paths compute the same.
 */
final class PoolLayer implements DirectLayer {
  private final Pooling2DConfig config;
  private final int kH;
  private final int kW;
  private final int sH;
  private final int sW;
  private final int pH;
  private final int pW;
  private final boolean channelsLast;
  private final Buffers buffers;
  /** Channels-last input: minibatch size → oneDNN's pooling for it. */
  private final Map<Long, DnnlPooling> oneDnn = new HashMap<>();

  PoolLayer(Pooling2D.Pooling2DType type, int kH, int kW, int sH, int sW, int pH, int pW, boolean channelsLast, Buffers buffers) {
    this.kH = kH;
    this.kW = kW;
    this.sH = sH;
    this.sW = sW;
    this.pH = pH;
    this.pW = pW;
    this.channelsLast = channelsLast;
    this.buffers = buffers;
    this.config = Pooling2DConfig.builder()
        .kH(kH).kW(kW).sH(sH).sW(sW).pH(pH).pW(pW).dH(1).dW(1)
        .type(type)
        .extra(0)
        .paddingMode(PaddingMode.VALID)
        .isNHWC(false)
        .build();
  }

  @Override
  public INDArray forward(INDArray x) {
    INDArray y = channelsLast
        ? buffers.get("y", x.size(0), Patches.outputSize(x.size(1), kH, sH, pH), // [n, oH, oW, C]
            Patches.outputSize(x.size(2), kW, sW, pW), x.size(3))
        : buffers.get("y", x.size(0), x.size(1), // [n, C, oH, oW]
            Patches.outputSize(x.size(2), kH, sH, pH), Patches.outputSize(x.size(3), kW, sW, pW));
    if (channelsLast) {
      pooling(x).forward(Dnnl.dense(x) ? x : x.dup('c'), y);
      return y;
    }
    Nd4j.exec(config.getType() == Pooling2D.Pooling2DType.MAX ? new MaxPooling2D(x, y, config) : new AvgPooling2D(x, y, config));
    return y;
  }

  @Override
  public INDArray backward(INDArray x, INDArray y, INDArray dy, boolean inputGradient) {
    if (!inputGradient) {
      return null;
    }
    INDArray dx = buffers.get("dx", x.shape()); // [n, C, H, W] or [n, H, W, C]
    if (channelsLast) {
      pooling(x).backward(Dnnl.dense(dy) ? dy : dy.dup('c'), dx);
      return dx;
    }
    Nd4j.exec(new Pooling2DDerivative(x, dy, dx, config));
    return dx;
  }

  private DnnlPooling pooling(INDArray x) {
    return oneDnn.computeIfAbsent(x.size(0), n -> new DnnlPooling(config.getType() == Pooling2D.Pooling2DType.MAX,
        x.shape(), new int[] {kH, kW}, new int[] {sH, sW}, new int[] {pH, pW}));
  }

  @Override
  public void release() {
    oneDnn.values().forEach(DnnlPooling::close);
    oneDnn.clear();
    buffers.release();
  }
}
