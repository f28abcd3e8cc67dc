package org.tensorworkbench.engine.train;

/** Where a {@link TrainingSession} is in its life. */
public enum SessionState {
  /** Created, not started. */
  NEW,
  /** Training minibatch after minibatch. */
  RUNNING,
  /** Waiting between two minibatches for resume or step. */
  PAUSED,
  /** All epochs done. */
  FINISHED,
  /** Stopped on request. */
  STOPPED,
  /** Ended by an error, e.g. a NaN loss. */
  FAILED;

  /** Whether the session has ended and its thread is gone. */
  public boolean isTerminal() {
    return this == FINISHED || this == STOPPED || this == FAILED;
  }
}
