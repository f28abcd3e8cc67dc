package org.tensorworkbench.engine.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tensorworkbench.engine.io.Predictor;
import org.tensorworkbench.engine.spec.OutputSpec;

/**
 * Sums a network's loss and prediction counts batch by batch, in Java, from the network's raw
 * outputs and the labels.
 *
 * <p>Why in Java: in ND4J 1.0.0-M2.1 the loss reported by {@code SameDiff.fit} is always 0 (the
 * loss op never runs during fit), so the trainer asks for the logits and computes the loss
 * itself. For a batch of 256 × 10 logits this costs microseconds.
 *
 * <ul>
 *   <li>Softmax cross-entropy per example: log Σ_k exp(z_k) − Σ_k y_k z_k, computed with the
 *       max subtracted (log-sum-exp trick, d2l 4.5) so large logits cannot overflow.
 *   <li>Squared error per example: mean over the outputs of (ŷ − y)², as SameDiff's
 *       {@code meanSquaredError} averages over all elements.
 * </ul>
 * Not thread-safe: one training or evaluation thread owns it.
 */
final class EvaluationAccumulator {
  private final OutputSpec.Loss loss;
  private long[][] confusion = new long[0][];
  private double lossSum;
  private long count;
  private float[] outputBuffer = new float[0];
  private float[] labelBuffer = new float[0];

  /**
   * @param loss what the network is trained on; for cross-entropy the number of classes is the
   *     number of logits per example
   */
  EvaluationAccumulator(OutputSpec.Loss loss) {
    this.loss = loss;
  }

  /** Forgets everything added so far. */
  void reset() {
    confusion = new long[0][];
    lossSum = 0;
    count = 0;
  }

  /**
   * Adds one batch and returns its mean loss.
   *
   * @param outputs the network's output, {@code [B, K]} logits or {@code [B, D]} predictions
   * @param labels one-hot {@code [B, K]} or targets {@code [B, D]}
   */
  double add(INDArray outputs, INDArray labels) {
    int rows = Math.toIntExact(outputs.size(0));
    int cols = Math.toIntExact(outputs.length() / Math.max(rows, 1));
    outputBuffer = copy(outputs, outputBuffer);
    labelBuffer = copy(labels, labelBuffer);
    double batchSum = loss == OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY
        ? addCrossEntropy(outputBuffer, labelBuffer, rows, cols)
        : addSquaredError(outputBuffer, labelBuffer, rows, cols);
    lossSum += batchSum;
    count += rows;
    return rows == 0 ? Double.NaN : batchSum / rows;
  }

  private double addCrossEntropy(float[] z, float[] y, int rows, int cols) {
    if (confusion.length == 0) {
      confusion = new long[cols][cols];
    } else if (cols != confusion.length) {
      throw new IllegalArgumentException("expected " + confusion.length + " logits per example, got " + cols);
    }
    double sum = 0;
    for (int r = 0; r < rows; r++) {
      int base = r * cols;
      int predicted = Predictor.argMax(z, base, cols);
      int actual = Predictor.argMax(y, base, cols);
      float max = z[base + predicted];
      double expSum = 0;
      double dot = 0;
      for (int k = 0; k < cols; k++) {
        expSum += Math.exp(z[base + k] - max);
        dot += y[base + k] * (z[base + k] - max);
      }
      sum += Math.log(expSum) - dot;
      if (!Float.isNaN(max)) {
        confusion[actual][predicted]++;
      }
    }
    return sum;
  }

  private static double addSquaredError(float[] prediction, float[] target, int rows, int cols) {
    double sum = 0;
    for (int r = 0; r < rows; r++) {
      double rowSum = 0;
      for (int k = 0; k < cols; k++) {
        double d = prediction[r * cols + k] - target[r * cols + k];
        rowSum += d * d;
      }
      sum += rowSum / cols;
    }
    return sum;
  }

  /** The mean loss per example so far (NaN before the first batch). */
  double meanLoss() {
    return count == 0 ? Double.NaN : lossSum / count;
  }

  /** Examples added so far. */
  long count() {
    return count;
  }

  /** The share predicted correctly so far; NaN for a regression or before the first batch. */
  double accuracy() {
    return loss == OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY ? result().accuracy() : Double.NaN;
  }

  /** What has been added, as an immutable result. */
  Evaluation result() {
    return loss == OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY
        ? new ClassificationEvaluation(meanLoss(), confusion)
        : new RegressionEvaluation(meanLoss(), count);
  }

  /** The elements of {@code array} in row-major order, reusing {@code buffer} when it fits. */
  private static float[] copy(INDArray array, float[] buffer) {
    int n = Math.toIntExact(array.length());
    float[] out = buffer.length == n ? buffer : new float[n];
    if (array.dataType() == DataType.FLOAT && array.ordering() == 'c' && !array.isView()
        && array.data().length() == n) {
      array.data().asNioFloat().get(out, 0, n);
    } else {
      try (INDArray flat = array.castTo(DataType.FLOAT).dup('c')) {
        flat.data().asNioFloat().get(out, 0, n);
      }
    }
    return out;
  }
}
