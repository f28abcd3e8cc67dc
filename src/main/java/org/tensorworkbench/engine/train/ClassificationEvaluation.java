package org.tensorworkbench.engine.train;

import java.util.Arrays;

/**
 * A classifier's results: the mean softmax cross-entropy and the confusion matrix, from which
 * accuracy and per-class accuracy (recall) follow.
 *
 * @param loss the mean cross-entropy −log softmax(z)_y over the examples
 * @param confusion {@code confusion[actual][predicted]}: how many examples of class {@code actual}
 *     were predicted as {@code predicted} (arg max of the logits)
 */
public record ClassificationEvaluation(double loss, long[][] confusion) implements Evaluation {

  public ClassificationEvaluation {
    long[][] copy = new long[confusion.length][];
    for (int i = 0; i < confusion.length; i++) {
      if (confusion[i].length != confusion.length) {
        throw new IllegalArgumentException("confusion matrix must be square");
      }
      copy[i] = confusion[i].clone();
    }
    confusion = copy;
  }

  /** The number of classes. */
  public int classCount() {
    return confusion.length;
  }

  @Override
  public long count() {
    long n = 0;
    for (long[] row : confusion) {
      for (long c : row) {
        n += c;
      }
    }
    return n;
  }

  /** Correct predictions / all predictions: the trace of the confusion matrix over its sum. */
  @Override
  public double accuracy() {
    long correct = 0;
    for (int i = 0; i < confusion.length; i++) {
      correct += confusion[i][i];
    }
    long n = count();
    return n == 0 ? Double.NaN : (double) correct / n;
  }

  /**
   * For each class, the share of its examples predicted correctly (recall):
   * {@code confusion[c][c] / sum(confusion[c])}; NaN for a class without examples.
   */
  public double[] perClassAccuracy() {
    double[] result = new double[confusion.length];
    for (int c = 0; c < confusion.length; c++) {
      long total = Arrays.stream(confusion[c]).sum();
      result[c] = total == 0 ? Double.NaN : (double) confusion[c][c] / total;
    }
    return result;
  }

  /** A copy of the matrix, {@code [actual][predicted]}. */
  @Override
  public long[][] confusion() {
    long[][] copy = new long[confusion.length][];
    for (int i = 0; i < confusion.length; i++) {
      copy[i] = confusion[i].clone();
    }
    return copy;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClassificationEvaluation e && Double.compare(loss, e.loss) == 0
        && Arrays.deepEquals(confusion, e.confusion);
  }

  @Override
  public int hashCode() {
    return 31 * Double.hashCode(loss) + Arrays.deepHashCode(confusion);
  }

  @Override
  public String toString() {
    return "ClassificationEvaluation[loss=" + loss + ", accuracy=" + accuracy() + ", n=" + count() + "]";
  }
}
