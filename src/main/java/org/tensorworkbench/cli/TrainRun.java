package org.tensorworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.tensorworkbench.engine.data.ClassSubset;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.io.AtomicFiles;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.train.PreparedRun;
import org.tensorworkbench.engine.train.RunLog;
import org.tensorworkbench.engine.train.SessionOptions;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.engine.train.TrainingEventQueue;
import org.tensorworkbench.engine.train.TrainingSession;
import org.tensorworkbench.i18n.Messages;

/**
 * One training run from the command line: a {@link PreparedRun} trained on a session's thread,
 * with progress printed every two seconds and after every epoch. Shared by {@code train} and
 * {@code bench}.
 */
final class TrainRun {
  private static final long PROGRESS_NANOS = 2_000_000_000L;

  private final PreparedRun run;
  private final RunLog log = new RunLog();

  private TrainRun(PreparedRun run) {
    this.run = run;
  }

  /**
   * Prepares a run.
   *
   * @param networkName a template name or a network JSON file
   * @param datasetName a registered dataset or a CSV file
   * @param target the CSV column to predict (CSV files only)
   */
  static TrainRun prepare(String networkName, String datasetName, String target, Path home, TrainingConfig config) {
    return new TrainRun(PreparedRun.prepare(SummaryCommand.load(networkName), datasetName, target,
        new DatasetRegistry(home), DatasetOptions.defaults().withLimit(config.limit()), config));
  }

  /**
   * Prepares a run on some classes of a registered dataset only, relabelled 0..k−1 in the order
   * given ({@link ClassSubset}), e.g. a network pretrained on Fashion-MNIST's classes 0–4.
   */
  static TrainRun prepareClasses(String networkName, String datasetName, int[] classes, Path home, TrainingConfig config) {
    Dataset all = new DatasetRegistry(home).load(datasetName, DatasetOptions.defaults());
    Dataset subset = ClassSubset.of(all, classes, config.limit(), 0, config.seed());
    return new TrainRun(PreparedRun.of(SummaryCommand.load(networkName), subset, config));
  }

  PreparedRun prepared() {
    return run;
  }

  RunLog log() {
    return log;
  }

  /**
   * Trains, printing to {@code out}; when all epochs finished, saves the model to
   * {@code modelFile} (if not null) on the training thread. Returns whether all epochs finished.
   *
   * @throws IOException if the model cannot be written (the training itself is done)
   */
  boolean run(PrintWriter out, Path modelFile) throws Exception {
    return run(out, modelFile, SessionOptions.quiet());
  }

  /** {@link #run(PrintWriter, Path)} with the given session options (e.g. an augmentation). */
  boolean run(PrintWriter out, Path modelFile, SessionOptions options) throws Exception {
    TrainingEventQueue queue = new TrainingEventQueue();
    TrainingSession session = run.newSession(options, queue);
    TrainingConfig config = run.config();
    out.println(Messages.get("train.cli.start", run.data().name(), run.data().train().size(),
        run.data().test().size(), run.network().parameterCount(), config.optimizer().id(), config.learningRate(),
        config.batchSize(), config.epochs()));
    out.flush();
    long lastProgress = System.nanoTime();
    session.start();
    try {
      while (!log.hasEnded()) {
        session.awaitEnd(200, TimeUnit.MILLISECONDS);
        for (TrainingEvent e : queue.drain()) {
          log.add(e);
          if (e instanceof TrainingEvent.Iteration it && System.nanoTime() - lastProgress >= PROGRESS_NANOS) {
            lastProgress = System.nanoTime();
            long inEpoch = it.iteration() - (long) it.epoch() * session.batchesPerEpoch() + 1;
            out.println(Messages.get("train.cli.progress", it.epoch() + 1, config.epochs(), inEpoch,
                session.batchesPerEpoch(), it.loss(), it.examplesPerSecond()));
            out.flush();
          } else if (e instanceof TrainingEvent.Epoch ep) {
            out.println(describe(ep));
            out.flush();
            if (modelFile != null) {
              AtomicFiles.markInUse(modelFile.getParent()); // the run folder being written
            }
          }
        }
      }
      if (modelFile != null && log.ending() instanceof TrainingEvent.Finished) {
        try {
          run.saveModel(session, modelFile, log.epochs(), false).get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof IOException io ? io : e;
        }
      }
    } finally {
      session.close();
    }
    return log.ending() instanceof TrainingEvent.Finished;
  }

  private String describe(TrainingEvent.Epoch e) {
    int epochs = run.config().epochs();
    if (run.network().loss() == OutputSpec.Loss.MSE) {
      return Messages.get("train.cli.epochRegression", e.epoch() + 1, epochs, e.trainLoss(),
          e.test().loss(), Math.sqrt(e.test().loss()), e.seconds(), e.examplesPerSecond());
    }
    return Messages.get("train.cli.epoch", e.epoch() + 1, epochs, e.trainLoss(), e.trainAccuracy(),
        e.test().loss(), e.test().accuracy(), e.seconds(), e.examplesPerSecond());
  }
}
