package org.tensorworkbench.ui.insight;

import java.util.List;
import org.tensorworkbench.engine.train.ClassificationEvaluation;

/**
 * A classifier's test results as the results tab shows them.
 *
 * @param classNames one name per class, in class order
 * @param confusion {@code [actual][predicted]} counts
 * @param perClassAccuracy for each class, the share of its examples predicted right (NaN without examples)
 * @param accuracy the share of all examples predicted right
 */
record ResultsSummary(List<String> classNames, long[][] confusion, double[] perClassAccuracy, double accuracy) {

  static ResultsSummary of(ClassificationEvaluation evaluation, List<String> classNames) {
    int k = evaluation.classCount();
    List<String> names = classNames.size() == k ? List.copyOf(classNames)
        : java.util.stream.IntStream.range(0, k).mapToObj(String::valueOf).toList();
    return new ResultsSummary(names, evaluation.confusion(), evaluation.perClassAccuracy(), evaluation.accuracy());
  }

  int classCount() {
    return confusion.length;
  }

  /** Examples of class {@code actual}. */
  long rowTotal(int actual) {
    long n = 0;
    for (long c : confusion[actual]) {
      n += c;
    }
    return n;
  }

  /** The share of class {@code actual}'s examples predicted as {@code predicted} (0 for an empty row). */
  double rowShare(int actual, int predicted) {
    long total = rowTotal(actual);
    return total == 0 ? 0 : (double) confusion[actual][predicted] / total;
  }

  /** All examples predicted wrongly: the sum off the diagonal. */
  long mistakes() {
    long n = 0;
    for (int a = 0; a < confusion.length; a++) {
      for (int p = 0; p < confusion.length; p++) {
        n += a == p ? 0 : confusion[a][p];
      }
    }
    return n;
  }
}
