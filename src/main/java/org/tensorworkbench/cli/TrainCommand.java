package org.tensorworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.tensorworkbench.engine.io.OutputPathException;
import org.tensorworkbench.engine.io.OutputPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tensorworkbench.workspace.ProjectHome;
import org.tensorworkbench.engine.EngineRuntime;
import org.tensorworkbench.engine.augment.AugmentException;
import org.tensorworkbench.engine.augment.AugmentJson;
import org.tensorworkbench.engine.augment.AugmentPipeline;
import org.tensorworkbench.engine.augment.TrainingAugmenter;
import org.tensorworkbench.engine.NotEnoughMemoryException;
import org.tensorworkbench.engine.data.ClassSubset;
import org.tensorworkbench.engine.data.DatasetException;
import org.tensorworkbench.engine.spec.SpecException;
import org.tensorworkbench.engine.train.LearningRateSchedule;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.engine.train.Recipe;
import org.tensorworkbench.engine.train.Recipes;
import org.tensorworkbench.engine.train.RunFolder;
import org.tensorworkbench.engine.train.SessionOptions;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.engine.train.TrainingException;
import org.tensorworkbench.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train}: trains a network on a dataset and writes a {@code RunFolder} (metrics.csv with one
 * row per epoch, summary.json, curve.csv and the model file) into the output folder. A template is
 * trained with its {@link Recipe} for every option not given, which the first line states. Exit code 0 when all
 * epochs finished, 1 when training failed (e.g. the loss became NaN), 2 for bad input.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a network on a dataset; write metrics.csv, summary.json and the model.")
final class TrainCommand implements Callable<Integer> {
  @Spec
  CommandSpec command;

  @Option(names = "--network", required = true, paramLabel = "<template|file.json>",
      description = "A template name (${COMPLETION-CANDIDATES}) or a network JSON file.",
      completionCandidates = SummaryCommand.TemplateNames.class)
  String network;

  @Option(names = "--dataset", paramLabel = "<name|file.csv>",
      description = "A dataset name (see the datasets command) or a CSV file (default: the template's recipe).")
  String dataset;

  @Option(names = "--target", paramLabel = "COLUMN", description = "The CSV column to predict (CSV files only).")
  String target;

  @Option(names = "--epochs", description = "Passes over the training set (default: the template's recipe, else 10).")
  Integer epochs;

  @Option(names = "--batch-size", description = "Examples per minibatch (default: the template's recipe, else 256).")
  Integer batchSize;

  @Option(names = "--optimizer", paramLabel = "sgd|momentum|adam|adamw|rmsprop",
      description = "The update rule (default: the template's recipe, else sgd); momentum is Nesterov momentum 0.9.")
  String optimizer;

  @Option(names = "--lr", description = "The learning rate (default: the template's recipe, else 0.1).")
  Double learningRate;

  @Option(names = "--schedule", defaultValue = "constant", paramLabel = "constant|step:E:F|cosine[:F]",
      description = "Learning-rate schedule, e.g. step:2:0.5 halves it every 2 epochs (default ${DEFAULT-VALUE}).")
  String schedule;

  @Option(names = "--weight-decay", paramLabel = "W",
      description = "Weight decay λ: L2 for sgd/momentum/adam/rmsprop, decoupled for adamw (default: the template's recipe, else 0).")
  Double weightDecay;

  @Option(names = "--seed", defaultValue = "1", description = "Seeds the initial weights and the shuffling (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--limit", paramLabel = "N",
      description = "Train on the first N examples only (0 = all; default: the template's recipe, else all).")
  Integer limit;

  @Option(names = "--classes", paramLabel = "A-B|A,B,...",
      description = "Train on these classes of the dataset only, relabelled 0..k-1 in this order (e.g. 0-4).")
  String classes;

  @Option(names = "--augment", paramLabel = "FILE",
      description = "Augment every training minibatch with this pipeline (a JSON file saved by the Transfer Lab); test data stay as they are.")
  Path augment;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for metrics.csv, summary.json and the model.")
  Path out;

  @Option(names = "--home", paramLabel = "DIR", description = "The folder holding datasets/ (default: found automatically).")
  Path home;

  /** The settings' names in {@link TrainingConfig}'s messages, as the options a person types. */
  private static final Map<String, String> OPTION_NAMES = Map.of("learningRate", "--lr", "batchSize", "--batch-size",
      "epochs", "--epochs", "weightDecay", "--weight-decay", "limit", "--limit", "seed", "--seed");

  /** The message of {@code e} naming the command-line option (--batch-size) instead of the setting (batchSize). */
  static String withOptionNames(TrainingException e) {
    Object[] args = e.args();
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof String name && OPTION_NAMES.containsKey(name)) {
        args[i] = OPTION_NAMES.get(name);
      }
    }
    return Messages.get(e.key(), args);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = command.commandLine().getOut();
    PrintWriter stderr = command.commandLine().getErr();
    try {
      Optional<Recipe> recipe = Recipes.of(network);
      TrainingConfig config = recipe.map(r -> r.applyTo(TrainingConfig.defaults())).orElse(TrainingConfig.defaults())
          .withSchedule(LearningRateSchedule.parse(schedule))
          .withSeed(seed);
      List<String> given = new ArrayList<>();
      if (optimizer != null) {
        config = config.withOptimizer(Optimizer.fromId(optimizer));
        given.add("--optimizer " + optimizer);
      }
      if (learningRate != null) {
        config = config.withLearningRate(learningRate);
        given.add("--lr " + Recipe.number(learningRate));
      }
      if (batchSize != null) {
        config = config.withBatchSize(batchSize);
        given.add("--batch-size " + batchSize);
      }
      if (epochs != null) {
        config = config.withEpochs(epochs);
        given.add("--epochs " + epochs);
      }
      if (weightDecay != null) {
        config = config.withWeightDecay(weightDecay, false);
        given.add("--weight-decay " + Recipe.number(weightDecay));
      }
      if (limit != null) {
        config = config.withLimit(limit);
        given.add("--limit " + limit);
      }
      if (dataset != null) {
        given.add("--dataset " + dataset);
      }
      if (classes != null) {
        given.add("--classes " + classes);
      }
      String givenText = given.isEmpty() ? "" : Messages.get("train.recipe.cliGiven", String.join(", ", given));
      stdout.println(recipe.map(r -> Messages.get("train.recipe.cli", r.template(), r.chapter(),
              Recipe.settings(r.applyTo(TrainingConfig.defaults())), r.dataset(), givenText))
          .orElse(Messages.get("train.recipe.cliNone", network, Recipe.settings(config), givenText)));
      String datasetName = dataset != null ? dataset
          : recipe.map(Recipe::dataset).orElseThrow(() -> new TrainingException("train.recipe.noDataset", network));
      SessionOptions options = SessionOptions.quiet();
      if (augment != null) {
        AugmentPipeline pipeline = AugmentJson.read(augment);
        options = options.withAugmentation(new TrainingAugmenter(pipeline));
        stdout.println(Messages.get("transfer.augment.cli.using", augment, pipeline.steps().size()));
      }
      List<Path> inputs = new ArrayList<>(Stream.of(network, datasetName).map(Path::of).filter(Files::isRegularFile).toList());
      if (augment != null) {
        inputs.add(augment);
      }
      OutputPaths.requireFolder(out, RunFolder.SUMMARY, inputs);
      stdout.println(EngineRuntime.start().describe());
      Path projectHome = home != null ? home : ProjectHome.find();
      TrainRun run = classes == null ? TrainRun.prepare(network, datasetName, target, projectHome, config)
          : TrainRun.prepareClasses(network, datasetName, ClassSubset.parse(classes), projectHome, config);
      RunFolder.Staged staged;
      try {
        staged = RunFolder.stage(out); // a real write: fails now, not after the last epoch
      } catch (IOException e) {
        stderr.println(Messages.get("train.cli.cannotWrite", out.toAbsolutePath(), String.valueOf(e.getMessage())));
        return 2;
      }
      try (staged) {
        boolean finished = run.run(stdout, staged.modelFile(), options);
        if (!finished) {
          if (run.log().ending() instanceof TrainingEvent.Failed failed) {
            stderr.println(failed.message());
          }
          return 1;
        }
        staged.commit(network, run.prepared(), run.log());
      } catch (IOException e) {
        stderr.println(Messages.get("train.cli.writeFailed", out.toAbsolutePath(), String.valueOf(e.getMessage())));
        return 1;
      }
      stdout.println(Messages.get("train.cli.wrote", out.toAbsolutePath()));
      return 0;
    } catch (TrainingException e) {
      stderr.println(withOptionNames(e));
      return 2;
    } catch (SpecException | DatasetException | OutputPathException | NotEnoughMemoryException | AugmentException e) {
      stderr.println(e.getLocalizedMessage());
      return 2;
    } catch (IOException e) {
      stderr.println(Messages.get("train.cli.ioError", String.valueOf(e.getMessage())));
      return 2;
    }
  }
}
