package org.tensorworkbench.engine.direct;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * [n, C, H, W] → [n, C·H·W] in c order, as the SameDiff graph's reshape: a view of data in NCHW,
 * a transposing copy of a convolution's CNHW output [C, n, H, W] (see {@link ConvLayer}).
 */
final class FlattenLayer implements DirectLayer {
  private final boolean cnhwInput;
  private final Buffers buffers;

  FlattenLayer(boolean cnhwInput, DataType dataType) {
    this.cnhwInput = cnhwInput;
    this.buffers = new Buffers(dataType);
  }

  @Override
  public INDArray forward(INDArray x) {
    if (x.rank() == 2) {
      return x;
    }
    if (!cnhwInput) {
      return x.reshape('c', x.size(0), x.length() / x.size(0));
    }
    INDArray nchw = buffers.get("y", x.size(1), x.size(0), x.size(2), x.size(3)); // [n, C, H, W]
    nchw.assign(x.permute(1, 0, 2, 3));
    return nchw.reshape(x.size(1), x.length() / x.size(1));
  }

  @Override
  public INDArray backward(INDArray x, INDArray y, INDArray dy, boolean inputGradient) {
    if (!inputGradient) {
      return null;
    }
    if (x.rank() == 2) {
      return dy;
    }
    if (!cnhwInput) {
      return dy.reshape('c', x.shape());
    }
    INDArray dx = buffers.get("dx", x.shape()); // [C, n, H, W]
    dx.assign(dy.reshape(x.size(1), x.size(0), x.size(2), x.size(3)).permute(1, 0, 2, 3));
    return dx;
  }

  @Override
  public void release() {
    buffers.release();
  }
}
