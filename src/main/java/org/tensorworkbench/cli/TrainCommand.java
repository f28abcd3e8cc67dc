package org.tensorworkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tensorworkbench.app.ProjectHome;
import org.tensorworkbench.engine.EngineRuntime;
import org.tensorworkbench.engine.data.DatasetException;
import org.tensorworkbench.engine.io.AtomicFiles;
import org.tensorworkbench.engine.io.ModelFile;
import org.tensorworkbench.engine.io.ModelMetadata;
import org.tensorworkbench.engine.io.NormalizationRecord;
import org.tensorworkbench.engine.spec.SpecException;
import org.tensorworkbench.engine.train.ClassificationEvaluation;
import org.tensorworkbench.engine.train.Evaluation;
import org.tensorworkbench.engine.train.LearningRateSchedule;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.engine.train.TrainingException;
import org.tensorworkbench.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train}: trains a network on a dataset and writes {@code metrics.csv} (one row per
 * epoch), {@code summary.json} and the model file into the output folder. Exit code 0 when all
 * epochs finished, 1 when training failed (e.g. the loss became NaN), 2 for bad input.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a network on a dataset; write metrics.csv, summary.json and the model.")
final class TrainCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec
  CommandSpec command;

  @Option(names = "--network", required = true, paramLabel = "<template|file.json>",
      description = "A template name (${COMPLETION-CANDIDATES}) or a network JSON file.",
      completionCandidates = SummaryCommand.TemplateNames.class)
  String network;

  @Option(names = "--dataset", required = true, paramLabel = "<name|file.csv>",
      description = "A dataset name (see the datasets command) or a CSV file.")
  String dataset;

  @Option(names = "--target", paramLabel = "COLUMN", description = "The CSV column to predict (CSV files only).")
  String target;

  @Option(names = "--epochs", defaultValue = "10", description = "Passes over the training set (default ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--batch-size", defaultValue = "256", description = "Examples per minibatch (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--optimizer", defaultValue = "sgd", paramLabel = "sgd|momentum|adam|adamw|rmsprop",
      description = "The update rule (default ${DEFAULT-VALUE}); momentum is Nesterov momentum 0.9.")
  String optimizer;

  @Option(names = "--lr", defaultValue = "0.1", description = "The learning rate (default ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--schedule", defaultValue = "constant", paramLabel = "constant|step:E:F|cosine[:F]",
      description = "Learning-rate schedule, e.g. step:2:0.5 halves it every 2 epochs (default ${DEFAULT-VALUE}).")
  String schedule;

  @Option(names = "--weight-decay", defaultValue = "0", paramLabel = "W",
      description = "Weight decay λ: L2 for sgd/momentum/adam/rmsprop, decoupled for adamw (default ${DEFAULT-VALUE}).")
  double weightDecay;

  @Option(names = "--seed", defaultValue = "1", description = "Seeds the initial weights and the shuffling (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "Train on the first N examples only (0 = all).")
  int limit;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for metrics.csv, summary.json and the model.")
  Path out;

  @Option(names = "--home", paramLabel = "DIR", description = "The folder holding datasets/ (default: found automatically).")
  Path home;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = command.commandLine().getOut();
    PrintWriter stderr = command.commandLine().getErr();
    try {
      TrainingConfig config = TrainingConfig.defaults()
          .withOptimizer(Optimizer.fromId(optimizer))
          .withLearningRate(learningRate)
          .withSchedule(LearningRateSchedule.parse(schedule))
          .withWeightDecay(weightDecay, false)
          .withBatchSize(batchSize)
          .withEpochs(epochs)
          .withSeed(seed)
          .withLimit(limit);
      stdout.println(EngineRuntime.start().describe());
      TrainRun run = TrainRun.prepare(network, dataset, target, home != null ? home : ProjectHome.find(), config);
      Path model = out.resolve("model" + ModelFile.EXTENSION);
      boolean finished = run.run(stdout, () -> ModelFile.save(model, run.network(), metadata(run, config), false));
      if (!finished) {
        if (run.ending() instanceof TrainingEvent.Failed failed) {
          stderr.println(failed.message());
        }
        return 1;
      }
      AtomicFiles.writeString(out.resolve("metrics.csv"), metricsCsv(run));
      AtomicFiles.writeString(out.resolve("summary.json"), JSON.writeValueAsString(summary(run, config)));
      stdout.println(Messages.get("train.cli.wrote", out.toAbsolutePath()));
      return 0;
    } catch (TrainingException | SpecException | DatasetException e) {
      stderr.println(e.getLocalizedMessage());
      return 2;
    } catch (IOException e) {
      stderr.println(Messages.get("train.cli.ioError", String.valueOf(e.getMessage())));
      return 2;
    }
  }

  private static String metricsCsv(TrainRun run) {
    StringBuilder csv = new StringBuilder("epoch,train_loss,train_acc,test_loss,test_acc,seconds,images_per_s\n");
    for (TrainingEvent.Epoch e : run.epochs()) {
      csv.append(String.format(Locale.ROOT, "%d,%.6f,%s,%.6f,%s,%.3f,%.1f%n", e.epoch() + 1, e.trainLoss(),
          orEmpty(e.trainAccuracy()), e.test().loss(), orEmpty(e.test().accuracy()), e.seconds(),
          e.examplesPerSecond()));
    }
    return csv.toString();
  }

  private static String orEmpty(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6f", value);
  }

  private Map<String, Object> summary(TrainRun run, TrainingConfig config) {
    TrainingEvent.Finished done = (TrainingEvent.Finished) run.ending();
    TrainingEvent.Epoch last = run.epochs().get(run.epochs().size() - 1);
    long examples = run.epochs().stream().mapToLong(e -> Math.round(e.examplesPerSecond() * e.seconds())).sum();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("network", network);
    s.put("dataset", run.data().name());
    s.put("parameters", run.network().parameterCount());
    s.put("training", ModelMetadata.describe(config));
    s.put("epochs", done.epochs());
    s.put("seconds", done.seconds());
    s.put("images_per_second", examples / done.seconds());
    s.put("train_loss", last.trainLoss());
    s.put("train_accuracy", nullIfNaN(last.trainAccuracy()));
    Evaluation test = done.test();
    s.put("test_loss", test.loss());
    s.put("test_accuracy", nullIfNaN(test.accuracy()));
    if (test instanceof ClassificationEvaluation c) {
      s.put("test_per_class_accuracy", c.perClassAccuracy());
      s.put("test_confusion", c.confusion());
      s.put("class_names", run.data().classNames(Locale.ENGLISH));
    } else {
      s.put("test_rmse", Math.sqrt(test.loss()));
    }
    return s;
  }

  private static Double nullIfNaN(double value) {
    return Double.isNaN(value) ? null : value;
  }

  private static ModelMetadata metadata(TrainRun run, TrainingConfig config) {
    TrainingEvent.Epoch last = run.epochs().get(run.epochs().size() - 1);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("trainLoss", last.trainLoss());
    metrics.put("testLoss", last.test().loss());
    if (!Double.isNaN(last.test().accuracy())) {
      metrics.put("trainAccuracy", last.trainAccuracy());
      metrics.put("testAccuracy", last.test().accuracy());
    }
    return new ModelMetadata(run.data().name(), NormalizationRecord.of(run.data().normalization()),
        run.data().classNames(Locale.ENGLISH), ModelMetadata.describe(config), metrics, run.epochs().size(), null);
  }
}
