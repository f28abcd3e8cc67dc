package org.tensorworkbench.ui.training;

/** Where the Training screen's run is; decides which controls are enabled. */
public enum Phase {
  /** No run yet. */
  IDLE,
  /** Loading the data and compiling the network. */
  PREPARING,
  RUNNING,
  PAUSED,
  FINISHED,
  STOPPED,
  FAILED;

  /** Whether a run is under way (its controls apply). */
  public boolean isLive() {
    return this == RUNNING || this == PAUSED;
  }

  /** Whether a new run can be started. */
  public boolean canStart() {
    return this == IDLE || this == FINISHED || this == STOPPED || this == FAILED;
  }
}
