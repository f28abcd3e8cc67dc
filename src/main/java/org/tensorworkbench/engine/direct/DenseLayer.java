package org.tensorworkbench.engine.direct;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fully connected layer, y = x·W + b (d2l 5.1), optionally followed by a ReLU in the same pass,
 * y = max(0, x·W + b) (d2l 5.1.2), with the gradients of the matrix product:
 * ∂L/∂W = xᵀ·δ, ∂L/∂b = Σ_rows δ, ∂L/∂x = δ·Wᵀ, where δ = ∂L/∂y, or with the ReLU
 * δ = ∂L/∂y ⊙ [y &gt; 0]. The products are BLAS gemms with transpose flags into reused arrays; the
 * bias, the ReLU and the column sums are single passes ({@link RowKernels}). In FLOAT with oneDNN
 * the products, the bias and its gradient are oneDNN's inner product ({@link DnnlInnerProduct}).
 */
final class DenseLayer implements DirectLayer {
  private final INDArray w; // [D, U]
  private final INDArray b; // [U] or null
  private final boolean relu;
  private final List<Parameter> parameters;
  private final Buffers buffers;
  /** Minibatch size → oneDNN's inner product for it; null: ND4J's gemm and {@link RowKernels}. */
  private final Map<Long, DnnlInnerProduct> oneDnn;

  /** @param oneDnn whether the products run through oneDNN's primitives (FLOAT only) */
  DenseLayer(String weightsName, INDArray w, String biasName, INDArray b, boolean relu, boolean oneDnn) {
    this.oneDnn = oneDnn ? new HashMap<>() : null;
    this.w = w;
    this.b = b;
    this.relu = relu;
    this.buffers = new Buffers(w.dataType());
    this.parameters = Parameter.weightsAndBias(weightsName, w, biasName, b);
  }

  @Override
  public INDArray forward(INDArray x) {
    INDArray y = buffers.get("y", x.size(0), w.size(1)); // [n, U]
    if (oneDnn != null) {
      innerProduct(x).forward(Dnnl.dense(x) ? x : x.dup('c'), w, b, y);
      if (relu) {
        RowKernels.relu(y);
      }
      return y;
    }
    Nd4j.gemm(x, w, y, false, false, 1.0, 0.0);
    if (b != null) {
      RowKernels.addBias(y, b, relu);
    } else if (relu) {
      RowKernels.relu(y);
    }
    return y;
  }

  /** x·W + b for {@code x} [n, D] in a new array [n, U], without the ReLU even when this layer has one. */
  INDArray linear(INDArray x) {
    INDArray y = x.mmul(w); // [n, U]
    if (b != null) {
      y.addiRowVector(b);
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
    if (oneDnn != null) {
      INDArray input = Dnnl.dense(x) ? x : x.dup('c');
      INDArray d = Dnnl.dense(delta) ? delta : delta.dup('c');
      DnnlInnerProduct product = innerProduct(input);
      product.backwardWeights(input, d, parameters.get(0).gradient(), b == null ? null : parameters.get(1).gradient());
      if (!inputGradient) {
        return null;
      }
      INDArray dx = buffers.get("dx", x.size(0), w.size(0)); // [n, D]
      product.backwardData(d, w, dx);
      return dx;
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

  private DnnlInnerProduct innerProduct(INDArray x) {
    return oneDnn.computeIfAbsent(x.size(0), n -> new DnnlInnerProduct(n, w.size(0), w.size(1), b != null));
  }

  @Override
  public void release() {
    if (oneDnn != null) {
      oneDnn.values().forEach(DnnlInnerProduct::close);
      oneDnn.clear();
    }
    buffers.release();
  }
}
