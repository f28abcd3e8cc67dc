package org.tensorworkbench.engine.direct;

import org.nd4j.linalg.api.ndarray.INDArray;

/** [n, C, H, W] → [n, C·H·W] in c order, as the SameDiff graph's reshape: a view, both ways. */
final class FlattenLayer implements DirectLayer {
  @Override
  public INDArray forward(INDArray x) {
    return x.rank() == 2 ? x : x.reshape('c', x.size(0), x.length() / x.size(0));
  }

  @Override
  public INDArray backward(INDArray x, INDArray y, INDArray dy, boolean inputGradient) {
    if (!inputGradient) {
      return null;
    }
    return x.rank() == 2 ? dy : dy.reshape('c', x.shape());
  }

  @Override
  public void release() {
    // views only
  }
}
