package org.tensorworkbench.engine.tune;

import java.util.List;

/**
 * A trial that ran to its end: its request, its learning curve and its score.
 *
 * @param request what was trained
 * @param failed whether training failed (e.g. the loss became NaN: a learning rate too large);
 *     a failed trial counts its budget and scores worst
 * @param failure the reason, a message key of the train area, or empty
 * @param curve one point per epoch trained
 * @param seconds wall time of the trial (data, compiling, training, validation)
 */
public record TrialRecord(TrialRequest request, boolean failed, String failure, List<EpochPoint> curve, double seconds) {
  public TrialRecord {
    failure = failure == null ? "" : failure;
    curve = List.copyOf(curve);
  }

  public int index() {
    return request.index();
  }

  /** The last epoch's validation accuracy, NaN if failed or regression. */
  public double validationAccuracy() {
    return failed || curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1).validationAccuracy();
  }

  /** The last epoch's validation loss, NaN if failed. */
  public double validationLoss() {
    return failed || curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1).validationLoss();
  }

  /**
   * What the search maximizes: the validation accuracy for a classifier, minus the validation
   * loss for a regression; NaN for a failed trial (worse than any number).
   */
  public double score() {
    double accuracy = validationAccuracy();
    return Double.isNaN(accuracy) ? -validationLoss() : accuracy;
  }

  /** Whether this trial scores better than {@code other} (NaN is worst; ties go to the earlier trial). */
  public boolean betterThan(TrialRecord other) {
    double a = score();
    double b = other.score();
    if (Double.isNaN(b)) {
      return !Double.isNaN(a);
    }
    return !Double.isNaN(a) && a > b;
  }
}
