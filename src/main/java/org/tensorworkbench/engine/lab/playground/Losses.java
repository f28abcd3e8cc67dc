package org.tensorworkbench.engine.lab.playground;

/**
 * The two losses of the Playground, as the compiled network's Output node defines them (batch
 * means): softmax cross-entropy −(1/N)·Σ_i log softmax(z_i)[y_i] (d2l 4.5, computed with the
 * max subtracted), and mean squared error (1/N)·Σ_i (ŷ_i − y_i)².
 */
final class Losses {
  private Losses() {}

  /** Softmax probabilities of each row of logits {@code [N, K]}, in place of a new array. */
  static double[] softmax(double[] logits, int n, int k) {
    double[] p = new double[n * k];
    for (int i = 0; i < n; i++) {
      int row = i * k;
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, logits[row + j]);
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        p[row + j] = Math.exp(logits[row + j] - max);
        sum += p[row + j];
      }
      for (int j = 0; j < k; j++) {
        p[row + j] /= sum;
      }
    }
    return p;
  }

  /** Mean cross-entropy of {@code rows} of logits against {@code labels}; fills {@code grad} (∂L/∂z) if not null. */
  static double crossEntropy(double[] logits, int[] labels, int[] rows, int k, double[] grad) {
    int n = rows.length;
    double[] p = softmax(logits, n, k);
    double loss = 0;
    for (int i = 0; i < n; i++) {
      int y = labels[rows[i]];
      loss -= Math.log(Math.max(p[i * k + y], Double.MIN_NORMAL));
      if (grad != null) {
        for (int j = 0; j < k; j++) {
          grad[i * k + j] = (p[i * k + j] - (j == y ? 1 : 0)) / n;
        }
      }
    }
    return loss / n;
  }

  /** Mean squared error of {@code rows} of predictions against {@code targets}; fills ∂L/∂ŷ if not null. */
  static double squaredError(double[] predictions, double[] targets, int[] rows, double[] grad) {
    int n = rows.length;
    double loss = 0;
    for (int i = 0; i < n; i++) {
      double e = predictions[i] - targets[rows[i]];
      loss += e * e;
      if (grad != null) {
        grad[i] = 2 * e / n;
      }
    }
    return loss / n;
  }
}
