package org.tensorworkbench.engine.tune;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** Trains trials one at a time; {@link EngineTrialRunner} is the real one, tests use a formula. */
public interface TrialRunner extends AutoCloseable {

  /**
   * Trains {@code request} to its end, calling {@code onEpoch} after each epoch (on the training
   * thread). Empty if {@link #stop()} ended it first.
   */
  Optional<TrialRecord> run(TrialRequest request, Consumer<EpochPoint> onEpoch);

  /** Ends the trial in progress after its current minibatch. */
  void stop();

  /** Saves the model of the trial that ran last (atomically). */
  void saveLastModel(Path file) throws IOException;

  /**
   * The test split's accuracy and loss of the model saved in {@code file}: used once, for the
   * chosen configuration.
   */
  TestResult test(Path file) throws IOException;

  @Override
  void close();

  /** @param accuracy NaN for a regression */
  record TestResult(double accuracy, double loss, long examples) {}
}
