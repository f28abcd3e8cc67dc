package org.tensorworkbench.engine.direct;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads channels-first images [n, C, H, W] (the data's and SameDiff's layout) as channels-last
 * [n, H, W, C] for the layers after it ({@link DnnlConvLayer}): a view when C = 1, where both
 * layouts are the same bytes, otherwise one copy; and the gradient back.
 */
final class ChannelsLastLayer implements DirectLayer {
  private final Buffers buffers;

  ChannelsLastLayer(Buffers buffers) {
    this.buffers = buffers;
  }

  @Override
  public INDArray forward(INDArray x) {
    long n = x.size(0);
    long c = x.size(1);
    long h = x.size(2);
    long w = x.size(3);
    if (c == 1) {
      return x.reshape('c', n, h, w, 1);
    }
    return buffers.get("y", n, h, w, c).assign(x.permute(0, 2, 3, 1)); // [n, H, W, C]
  }

  @Override
  public INDArray backward(INDArray x, INDArray y, INDArray dy, boolean inputGradient) {
    if (!inputGradient) {
      return null;
    }
    if (x.size(1) == 1) {
      return dy.reshape('c', x.shape());
    }
    return buffers.get("dx", x.shape()).assign(dy.permute(0, 3, 1, 2)); // [n, C, H, W]
  }

  @Override
  public void release() {
    buffers.release();
  }
}
