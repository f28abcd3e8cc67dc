package org.tensorworkbench.engine.direct;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * [n, C, H, W] → [n, C·H·W] in c order, as the SameDiff graph's reshape: a view, both ways. After
 * channels-last layers the input is [n, H, W, C]; the output keeps SameDiff's order (c, h, w), so
 * the dense weights after it are the same, at the cost of one copy each way ({@link DnnlChannelsOrder}).
 */
final class FlattenLayer implements DirectLayer {
  private final boolean channelsLast;
  private final Buffers buffers;
  private final Map<Long, DnnlChannelsOrder> orders = new HashMap<>();

  FlattenLayer(boolean channelsLast, Buffers buffers) {
    this.channelsLast = channelsLast;
    this.buffers = buffers;
  }

  @Override
  public INDArray forward(INDArray x) {
    if (x.rank() == 2) {
      return x;
    }
    long n = x.size(0);
    if (!channelsLast) {
      return x.reshape('c', n, x.length() / n);
    }
    INDArray y = buffers.get("y", n, x.size(3), x.size(1), x.size(2)); // [n, C, H, W]
    return order(x).toChannelsFirst(Dnnl.dense(x) ? x : x.dup('c'), y).reshape('c', n, x.length() / n);
  }

  @Override
  public INDArray backward(INDArray x, INDArray y, INDArray dy, boolean inputGradient) {
    if (!inputGradient) {
      return null;
    }
    if (x.rank() == 2) {
      return dy;
    }
    if (!channelsLast) {
      return dy.reshape('c', x.shape());
    }
    INDArray dx = buffers.get("dx", x.shape()); // [n, H, W, C]
    INDArray channelsFirst = dy.reshape('c', x.size(0), x.size(3), x.size(1), x.size(2)); // [n, C, H, W]
    return order(x).toChannelsLast(Dnnl.dense(channelsFirst) ? channelsFirst : channelsFirst.dup('c'), dx);
  }

  private DnnlChannelsOrder order(INDArray x) { // x [n, H, W, C]
    return orders.computeIfAbsent(x.size(0), n -> new DnnlChannelsOrder(n, x.size(3), x.size(1), x.size(2)));
  }

  @Override
  public void release() {
    orders.values().forEach(DnnlChannelsOrder::close);
    orders.clear();
    buffers.release();
  }
}
