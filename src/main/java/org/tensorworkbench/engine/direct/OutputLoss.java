package org.tensorworkbench.engine.direct;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.tensorworkbench.engine.spec.OutputSpec;

/**
 * The gradient of the Output's batch-mean loss with respect to its input z [n, K], as the
 * SameDiff graph defines the loss:
 * <ul>
 *   <li>softmax cross-entropy, L = −(1/n) Σ_i Σ_k y_ik log softmax(z_i)_k: ∂L/∂z = (softmax(z) − y) / n;
 *   <li>mean squared error over all n·K elements, L = (1/(nK)) Σ (z − y)²: ∂L/∂z = 2 (z − y) / (nK).
 * </ul>
 * The softmax gradient is one pass per row ({@link RowKernels}): as three libnd4j ops (softmax,
 * subtract, divide) it cost about 120 µs per MLP minibatch for 256 × 10 numbers.
 */
final class OutputLoss {
  private final OutputSpec.Loss loss;
  private final Buffers buffers;

  OutputLoss(OutputSpec.Loss loss, Buffers buffers) {
    this.loss = loss;
    this.buffers = buffers;
  }

  /** ∂L/∂z for outputs z and targets y, both [n, K]; the result belongs to this object. */
  INDArray gradient(INDArray z, INDArray y) {
    INDArray dz = buffers.get("dz", z.shape());
    if (loss == OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY) {
      RowKernels.softmaxCrossEntropyGradient(z, y, dz);
    } else {
      z.sub(y, dz).muli(2.0 / z.length());
    }
    return dz;
  }

  /**
   * The Output's prediction for its input z [n, K] in a new array: softmax(z) row by row for
   * softmax cross-entropy, z itself for MSE, as the SameDiff graph's Output node gives it.
   */
  INDArray prediction(INDArray z) {
    return loss == OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY ? Transforms.softmax(z, true) : z.dup();
  }

  void release() {
    buffers.release();
  }
}
