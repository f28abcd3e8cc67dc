package org.tensorworkbench.engine.direct;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fully connected layer, y = x·W + b (d2l 5.1), with the gradients of the matrix product:
 * ∂L/∂W = xᵀ·∂L/∂y, ∂L/∂b = Σ_rows ∂L/∂y, ∂L/∂x = ∂L/∂y·Wᵀ, each one BLAS gemm or reduction
 * into a reused array.
 */
final class DenseLayer implements DirectLayer {
  private final INDArray w; // [D, U]
  private final INDArray b; // [U] or null
  private final List<Parameter> parameters = new ArrayList<>();
  private final Buffers buffers;

  DenseLayer(String weightsName, INDArray w, String biasName, INDArray b) {
    this.w = w;
    this.b = b;
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
      y.addiRowVector(b);
    }
    return y;
  }

  @Override
  public INDArray backward(INDArray x, INDArray y, INDArray dy, boolean inputGradient) {
    Nd4j.gemm(x, dy, parameters.get(0).gradient(), true, false, 1.0, 0.0); // [D, U]
    if (b != null) {
      dy.sum(parameters.get(1).gradient(), 0); // [U]
    }
    if (!inputGradient) {
      return null;
    }
    INDArray dx = buffers.get("dx", x.size(0), w.size(0)); // [n, D]
    Nd4j.gemm(dy, w, dx, false, true, 1.0, 0.0);
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
