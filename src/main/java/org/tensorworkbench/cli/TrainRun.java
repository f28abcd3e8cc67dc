package org.tensorworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.data.Task;
import org.tensorworkbench.engine.graph.CompileOptions;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.train.SessionOptions;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.engine.train.TrainingEventQueue;
import org.tensorworkbench.engine.train.TrainingSession;
import org.tensorworkbench.i18n.Messages;

/**
 * One training run from the command line: loads the dataset and the network (its input shape
 * set to the dataset's), trains on a session's thread and prints progress every two seconds
 * and after every epoch. Shared by {@code train} and {@code bench}.
 */
final class TrainRun {
  private static final long PROGRESS_NANOS = 2_000_000_000L;

  private final CompiledNetwork network;
  private final Dataset data;
  private final TrainingConfig config;
  private final List<TrainingEvent.Iteration> iterations = new ArrayList<>();
  private final List<TrainingEvent.Epoch> epochs = new ArrayList<>();
  private TrainingEvent ending;

  private TrainRun(CompiledNetwork network, Dataset data, TrainingConfig config) {
    this.network = network;
    this.data = data;
    this.config = config;
  }

  /**
   * Prepares a run.
   *
   * @param networkName a template name or a network JSON file
   * @param datasetName a registered dataset or a CSV file
   * @param target the CSV column to predict (CSV files only)
   */
  static TrainRun prepare(String networkName, String datasetName, String target, Path home, TrainingConfig config) {
    NetworkSpec spec = SummaryCommand.load(networkName);
    boolean regression = spec.nodes().stream().anyMatch(n -> n.layer() instanceof OutputSpec o
        && o.loss() == OutputSpec.Loss.MSE);
    DatasetOptions options = DatasetOptions.defaults().withLimit(config.limit());
    DatasetRegistry registry = new DatasetRegistry(home);
    Dataset data;
    Path file = Path.of(datasetName);
    if (!registry.names().contains(datasetName) && Files.isRegularFile(file)) {
      data = registry.loadCsv(file, target, regression ? Task.REGRESSION : Task.CLASSIFICATION, options);
    } else {
      data = registry.load(datasetName, options);
    }
    List<Integer> shape = Arrays.stream(data.featureShape()).boxed().toList();
    CompiledNetwork network = NetworkCompiler.compile(SummaryCommand.withInputShape(spec, shape),
        CompileOptions.defaults().withSeed(config.seed()));
    return new TrainRun(network, data, config);
  }

  CompiledNetwork network() {
    return network;
  }

  Dataset data() {
    return data;
  }

  List<TrainingEvent.Iteration> iterations() {
    return iterations;
  }

  List<TrainingEvent.Epoch> epochs() {
    return epochs;
  }

  /** Finished, Stopped or Failed. */
  TrainingEvent ending() {
    return ending;
  }

  /**
   * Trains, printing to {@code out}; then runs {@code afterwards} on the training thread (e.g. to
   * save the model) and returns whether all epochs finished.
   */
  boolean run(PrintWriter out, TrainingThreadTask afterwards) throws Exception {
    TrainingEventQueue queue = new TrainingEventQueue();
    TrainingSession session = new TrainingSession(network, data.train(), data.test(), config,
        SessionOptions.quiet(), queue);
    out.println(Messages.get("train.cli.start", data.name(), data.train().size(), data.test().size(),
        network.parameterCount(), config.optimizer().id(), config.learningRate(), config.batchSize(),
        config.epochs()));
    out.flush();
    long lastProgress = System.nanoTime();
    session.start();
    try {
      while (ending == null) {
        session.awaitEnd(200, TimeUnit.MILLISECONDS);
        for (TrainingEvent e : queue.drain()) {
          if (e instanceof TrainingEvent.Iteration it) {
            iterations.add(it);
            if (System.nanoTime() - lastProgress >= PROGRESS_NANOS) {
              lastProgress = System.nanoTime();
              long inEpoch = it.iteration() - (long) it.epoch() * session.batchesPerEpoch() + 1;
              out.println(Messages.get("train.cli.progress", it.epoch() + 1, config.epochs(), inEpoch,
                  session.batchesPerEpoch(), it.loss(), it.examplesPerSecond()));
              out.flush();
            }
          } else if (e instanceof TrainingEvent.Epoch ep) {
            epochs.add(ep);
            out.println(describe(ep));
            out.flush();
          } else if (e instanceof TrainingEvent.Finished || e instanceof TrainingEvent.Stopped
              || e instanceof TrainingEvent.Failed) {
            ending = e;
          }
        }
      }
      if (afterwards != null && ending instanceof TrainingEvent.Finished) {
        session.onTrainingThread(() -> {
          afterwards.run();
          return null;
        }).get();
      }
    } finally {
      session.close();
    }
    return ending instanceof TrainingEvent.Finished;
  }

  private String describe(TrainingEvent.Epoch e) {
    if (network.loss() == OutputSpec.Loss.MSE) {
      return Messages.get("train.cli.epochRegression", e.epoch() + 1, config.epochs(), e.trainLoss(),
          e.test().loss(), Math.sqrt(e.test().loss()), e.seconds(), e.examplesPerSecond());
    }
    return Messages.get("train.cli.epoch", e.epoch() + 1, config.epochs(), e.trainLoss(), e.trainAccuracy(),
        e.test().loss(), e.test().accuracy(), e.seconds(), e.examplesPerSecond());
  }

  /** Work for the training thread after the run, e.g. saving. */
  interface TrainingThreadTask {
    void run() throws Exception;
  }
}
