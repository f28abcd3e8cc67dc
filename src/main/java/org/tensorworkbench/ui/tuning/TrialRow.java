package org.tensorworkbench.ui.tuning;

import java.util.List;
import org.tensorworkbench.engine.tune.EpochPoint;
import org.tensorworkbench.engine.tune.TrialRecord;
import org.tensorworkbench.engine.tune.TrialRequest;

/**
 * A row of the trial table: a trial running or finished.
 *
 * @param study the study's name (several studies' rows may be listed)
 * @param state what became of it
 * @param curve the validation metrics per epoch so far
 */
public record TrialRow(String study, TrialRequest request, State state, List<EpochPoint> curve, double seconds,
    TrialRecord record) {
  /** running, finished, failed (e.g. NaN loss), stopped at its rung, or promoted to the next rung. */
  public enum State { RUNNING, FINISHED, FAILED, STOPPED, PROMOTED }

  public TrialRow {
    curve = List.copyOf(curve);
  }

  public int index() {
    return request.index();
  }

  public double validationAccuracy() {
    return curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1).validationAccuracy();
  }

  public double validationLoss() {
    return curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1).validationLoss();
  }

  TrialRow withState(State s) {
    return new TrialRow(study, request, s, curve, seconds, record);
  }
}
