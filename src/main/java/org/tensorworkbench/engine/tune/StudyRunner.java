package org.tensorworkbench.engine.tune;

import java.io.IOException;
import java.util.Optional;

/**
 * Runs a study's trials one after another on the calling thread until the method's plan or the
 * budget ends, or {@link #stop()} is called. Each finished trial is written to the study folder
 * before the next starts; the best one's model is saved. A study opened again resumes: the method
 * is asked for the next trial given the finished ones. When the study completes, the chosen
 * (best) trial's model is evaluated once on the test split.
 */
public final class StudyRunner {
  /** How a run ended. */
  public enum Outcome { COMPLETE, STOPPED }

  private final Study study;
  private final TrialRunner runner;
  private final StudyListener listener;
  private final SearchMethod method;
  private volatile boolean stopRequested;

  public StudyRunner(Study study, TrialRunner runner, StudyListener listener) {
    this.study = study;
    this.runner = runner;
    this.listener = listener;
    this.method = study.settings().method().create(study.settings());
  }

  public Outcome run() throws IOException {
    int budget = study.settings().budget();
    while (!stopRequested) {
      Optional<TrialRequest> next = method.next(study.trials());
      if (next.isEmpty() || next.get().epochs() > budget - study.epochsUsed()) {
        TrialRunner.TestResult test = null;
        Optional<TrialRecord> best = study.best();
        if (best.isPresent() && java.nio.file.Files.isRegularFile(study.bestModel())) {
          test = runner.test(study.bestModel());
          study.writeResult(best.get(), test);
        }
        listener.ended(Outcome.COMPLETE, test);
        return Outcome.COMPLETE;
      }
      TrialRequest request = next.get();
      listener.trialStarted(request);
      Optional<TrialRecord> record = runner.run(request, p -> listener.epoch(request, p));
      if (record.isEmpty()) {
        break;
      }
      TrialRecord trial = record.get();
      boolean best = !trial.failed() && study.best().map(trial::betterThan).orElse(true);
      study.add(trial);
      if (best) {
        runner.saveLastModel(study.bestModel());
      }
      listener.trialFinished(trial, best);
    }
    listener.ended(Outcome.STOPPED, null);
    return Outcome.STOPPED;
  }

  /** Ends the running trial within one minibatch; it is not recorded, and a resume reruns it. */
  public void stop() {
    stopRequested = true;
    runner.stop();
  }
}
