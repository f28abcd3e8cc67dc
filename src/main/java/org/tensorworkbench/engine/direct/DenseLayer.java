package org.tensorworkbench.engine.direct;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fully connected layer, y = x·W + b (d2l 5.1), optionally followed by a ReLU in the same pass,
 * y = max(0, x·W + b) (d2l 5.1.2), with the gradients of the matrix product:
 * ∂L/∂W = xᵀ·δ, ∂L/∂b = Σ_rows δ, ∂L/∂x = δ·Wᵀ, where δ = ∂L/∂y, or with the ReLU
 * δ = ∂L/∂y ⊙ [y &gt; 0]. The products are BLAS gemms with transpose flags into reused arrays; the
 * bias, the ReLU and the column sums are single passes ({@link RowKernels}).
 */
final class DenseLayer implements DirectLayer {
  private final INDArray w; // [D, U]
  private final INDArray b; // [U] or null
  private final boolean relu;
  private final List<Parameter> parameters = new ArrayList<>();
  private final Buffers buffers;

  DenseLayer(String weightsName, INDArray w, String biasName, INDArray b, boolean relu) {
    this.w = w;
    this.b = b;
    this.relu = relu;
    this.buffers = new Buffers(w.dataType());
    parameters.add(new Parameter(weightsName, w, w.ulike()));
    if (b != null) {
      parameters.add(new Parameter(biasName, b, b.ulike()));
    }
  }

  @Override
  public INDArray forward(INDArray x) {
    INDArray y = buffers.get("y", x.size(0), w.size(1)); // [n, U]
    Nd4j.gemm(x, w, y, false, false, 1.0, 0.0);
    if (b != null) {
      RowKernels.addBias(y, b, relu);
    } else if (relu) {
      RowKernels.relu(y);
    }
    return y;
  }

  @Override
  public INDArray backward(INDArray x, INDArray y, INDArray dy, boolean inputGradient) {
    INDArray delta = dy; // [n, U]
    if (relu) {
      delta = buffers.get("delta", dy.shape());
      RowKernels.reluGradient(y, dy, delta);
    }
    Nd4j.gemm(x, delta, parameters.get(0).gradient(), true, false, 1.0, 0.0); // [D, U]
    if (b != null) {
      RowKernels.columnSums(delta, parameters.get(1).gradient()); // [U]
    }
    if (!inputGradient) {
      return null;
    }
    INDArray dx = buffers.get("dx", x.size(0), w.size(0)); // [n, D]
    Nd4j.gemm(delta, w, dx, false, true, 1.0, 0.0);
    return dx;
  }

  @Override
  public List<Parameter> parameters() {
    return parameters;
  }

  @Override
  public void release() {
    buffers.release();
  }
}
