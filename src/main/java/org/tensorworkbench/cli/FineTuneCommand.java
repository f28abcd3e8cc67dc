package org.tensorworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.tensorworkbench.engine.EngineRuntime;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.engine.train.RunLog;
import org.tensorworkbench.engine.train.SessionOptions;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.engine.train.TrainingEventQueue;
import org.tensorworkbench.engine.train.TrainingSession;
import org.tensorworkbench.engine.transfer.FineTuneExperiment;
import org.tensorworkbench.engine.transfer.FineTuneExperiment.Side;
import org.tensorworkbench.engine.transfer.GroupSetting;
import org.tensorworkbench.engine.transfer.LayerGroup;
import org.tensorworkbench.engine.transfer.PretrainedModel;
import org.tensorworkbench.engine.transfer.TargetTask;
import org.tensorworkbench.i18n.LocalizedException;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.workspace.ProjectHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code finetune}: the Transfer Lab's comparison without a window. Fine-tunes a pretrained
 * model on a small target set and trains the same network from scratch on the same data with
 * the same settings (Adam unless {@code --optimizer} says otherwise), printing both test accuracies after every epoch. Exit code 0 when
 * both runs finished, 1 when one failed, 2 for bad input.
 */
@Command(name = "finetune", mixinStandardHelpOptions = true,
    description = "Fine-tune a pretrained model on a small set and compare with training from scratch.")
final class FineTuneCommand implements Callable<Integer> {
  @Spec
  CommandSpec command;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "The pretrained .twmodel file.")
  Path model;

  @Option(names = "--task", required = true, paramLabel = "clothes|other-five|DIR",
      description = "Fashion-MNIST's ten classes, its classes 5-9, or an image folder (one subfolder per class).")
  String task;

  @Option(names = "--images", defaultValue = "500", description = "Labelled training images (default ${DEFAULT-VALUE}; 0 = all).")
  int images;

  @Option(names = "--test-images", defaultValue = "0", description = "Test images (default: all of the task's).")
  int testImages;

  @Option(names = "--epochs", defaultValue = "5", description = "Epochs of both runs (default ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--optimizer", defaultValue = "adam", paramLabel = "sgd|momentum|adam|adamw|rmsprop",
      description = "The update rule of both runs (default ${DEFAULT-VALUE}); momentum is Nesterov momentum 0.9.")
  String optimizer;

  @Option(names = "--lr", defaultValue = "0.001", description = "Base learning rate (default ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--batch-size", defaultValue = "32", description = "Minibatch size (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--seed", defaultValue = "1", description = "Seeds the draw of images, new weights and shuffling (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--freeze", split = ",", paramLabel = "GROUP", description = "Layer groups to freeze, e.g. conv1,conv2.")
  List<String> freeze = List.of();

  @Option(names = "--factor", defaultValue = "1", description = "LR factor of the pretrained groups not frozen (default ${DEFAULT-VALUE}).")
  double factor;

  @Option(names = "--head-factor", defaultValue = "10", description = "LR factor of the new output layer (default ${DEFAULT-VALUE}).")
  double headFactor;

  @Option(names = "--home", paramLabel = "DIR", description = "The folder holding datasets/ (default: found automatically).")
  Path home;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    try {
      PretrainedModel pretrained = PretrainedModel.load(model);
      Map<String, GroupSetting> settings = new LinkedHashMap<>();
      for (LayerGroup g : pretrained.groups()) {
        settings.put(g.id(), g.output() ? GroupSetting.fineTune(headFactor)
            : freeze.contains(g.id()) ? GroupSetting.frozen() : GroupSetting.fineTune(factor));
      }
      TargetTask target = switch (task) {
        case "clothes" -> TargetTask.clothes();
        case "other-five" -> TargetTask.otherFiveClothes();
        default -> new TargetTask.Folder(Path.of(task));
      };
      TrainingConfig config = TrainingConfig.defaults().withOptimizer(Optimizer.fromId(optimizer)).withLearningRate(learningRate)
          .withBatchSize(batchSize).withEpochs(epochs).withSeed(seed);
      out.println(EngineRuntime.start().describe());
      Dataset data = target.load(new DatasetRegistry(home != null ? home : ProjectHome.find()), images, testImages, seed,
          pretrained.inputShape());
      StringBuilder groups = new StringBuilder();
      settings.forEach((id, s) -> groups.append(groups.length() == 0 ? "" : ", ").append(id).append(' ')
          .append(s.mode().name().toLowerCase(java.util.Locale.ROOT)).append(s.stepFactor() > 0 ? " x" + s.factor() : ""));
      out.println(Messages.get("transfer.cli.start", model.getFileName(), data.description(), groups,
          config.optimizer().id(), java.math.BigDecimal.valueOf(config.learningRate()).stripTrailingZeros().toPlainString()));
      out.flush();
      FineTuneExperiment experiment = FineTuneExperiment.prepare(pretrained, settings, data, config);
      Map<Side, RunLog> logs = new EnumMap<>(Side.class);
      for (Side side : Side.values()) {
        TrainingEventQueue queue = new TrainingEventQueue();
        TrainingSession session = experiment.newSession(side, SessionOptions.quiet(), queue);
        session.start();
        RunLog log = new RunLog();
        while (!log.hasEnded()) {
          session.awaitEnd(500, TimeUnit.MILLISECONDS);
          queue.drain().forEach(log::add);
        }
        session.close();
        logs.put(side, log);
      }
      for (int e = 0; e < epochs; e++) {
        out.println(Messages.get("transfer.cli.epoch", e + 1, accuracy(logs.get(Side.FINE_TUNED), e),
            accuracy(logs.get(Side.SCRATCH), e)));
      }
      out.println(Messages.get("transfer.cli.seconds", logs.get(Side.FINE_TUNED).trainingSeconds(),
          logs.get(Side.SCRATCH).trainingSeconds()));
      boolean finished = logs.values().stream().allMatch(l -> l.ending() instanceof TrainingEvent.Finished);
      return finished ? 0 : 1;
    } catch (LocalizedException e) {
      err.println(e.getLocalizedMessage());
      return 2;
    } catch (java.io.IOException e) {
      err.println(Messages.get("train.cli.ioError", String.valueOf(e.getMessage())));
      return 2;
    }
  }

  private static double accuracy(RunLog log, int epoch) {
    return epoch < log.epochs().size() ? log.epochs().get(epoch).test().accuracy() : Double.NaN;
  }
}
