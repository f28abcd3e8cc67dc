package org.tensorworkbench.engine.direct;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads channels-first images [n, C, H, W] (the data's and SameDiff's layout) as channels-last
 * [n, H, W, C] for the layers after it ({@link DnnlConvLayer}): a view when C = 1, where both
 * layouts are the same bytes, otherwise one copy ({@link DnnlChannelsOrder}); and the gradient back.
 */
final class ChannelsLastLayer implements DirectLayer {
  private final Buffers buffers;
  private final Map<Long, DnnlChannelsOrder> orders = new HashMap<>();

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
    return order(x).toChannelsLast(Dnnl.dense(x) ? x : x.dup('c'), buffers.get("y", n, h, w, c)); // [n, H, W, C]
  }

  @Override
  public INDArray backward(INDArray x, INDArray y, INDArray dy, boolean inputGradient) {
    if (!inputGradient) {
      return null;
    }
    if (x.size(1) == 1) {
      return dy.reshape('c', x.shape());
    }
    return order(x).toChannelsFirst(Dnnl.dense(dy) ? dy : dy.dup('c'), buffers.get("dx", x.shape())); // [n, C, H, W]
  }

  private DnnlChannelsOrder order(INDArray x) { // x [n, C, H, W]
    return orders.computeIfAbsent(x.size(0), n -> new DnnlChannelsOrder(n, x.size(1), x.size(2), x.size(3)));
  }

  @Override
  public void release() {
    orders.values().forEach(DnnlChannelsOrder::close);
    orders.clear();
    buffers.release();
  }
}
