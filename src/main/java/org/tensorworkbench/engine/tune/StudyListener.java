package org.tensorworkbench.engine.tune;

/** What a {@link StudyRunner} reports, on the thread that runs it (epochs: on the training thread). */
public interface StudyListener {
  default void trialStarted(TrialRequest request) {}

  default void epoch(TrialRequest request, EpochPoint point) {}

  /** @param best whether it is the best trial so far */
  default void trialFinished(TrialRecord trial, boolean best) {}

  /** The plan or the budget ended ({@code test} is the chosen trial's test result), or the study was stopped ({@code test} null). */
  default void ended(StudyRunner.Outcome outcome, TrialRunner.TestResult test) {}
}
