package org.tensorworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.tensorworkbench.workspace.ProjectHome;
import org.tensorworkbench.engine.EngineRuntime;
import org.tensorworkbench.engine.NotEnoughMemoryException;
import org.tensorworkbench.engine.data.DatasetException;
import org.tensorworkbench.engine.spec.SpecException;
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
 * {@code bench}: training throughput of the d2l reference models, comparable with
 * {@code torch_reference.py}: one epoch of SGD at batch 256 on Fashion-MNIST with d2l's learning
 * rates (0.1 for the MLP, 0.9 for LeNet). Reports the median examples/s of the iterations after
 * the warm-up (the JIT and oneDNN's kernel choice need a few dozen iterations) and the whole
 * epoch's time.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure training throughput (examples/s) of mlp and lenet on Fashion-MNIST.")
final class BenchCommand implements Callable<Integer> {
  @Spec
  CommandSpec command;

  @Option(names = "--models", defaultValue = "mlp,lenet", split = ",", description = "Templates to measure (default ${DEFAULT-VALUE}).")
  List<String> models;

  @Option(names = "--dataset", defaultValue = "fashion-mnist", description = "The dataset (default ${DEFAULT-VALUE}).")
  String dataset;

  @Option(names = "--batch-size", defaultValue = "256", description = "Examples per minibatch (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--warmup", defaultValue = "50", description = "Iterations left out of the median (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--limit", defaultValue = "0", paramLabel = "N",
      description = "Train on the first N examples only, as torch_reference.py --limit (0 = all).")
  int limit;

  @Option(names = "--home", paramLabel = "DIR", description = "The folder holding datasets/ (default: found automatically).")
  Path home;

  @Option(names = "--compare-pytorch",
      description = "Also run bench/torch_reference.py with Debian's PyTorch, in interleaved rounds, and print both and the ratio.")
  boolean comparePytorch;

  @Option(names = "--rounds", defaultValue = "3", description = "Interleaved rounds of --compare-pytorch (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--python", defaultValue = "/usr/bin/python3", paramLabel = "FILE",
      description = "The Python with PyTorch for --compare-pytorch (default ${DEFAULT-VALUE}).")
  Path python;

  /** One JSON line per model instead of the sentence: how --compare-pytorch reads its child JVMs. */
  @Option(names = "--json", hidden = true)
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = command.commandLine().getOut();
    if (comparePytorch) {
      return new PyTorchComparison(models, batchSize, warmup, limit, rounds, python,
          home != null ? home : ProjectHome.find(), command.commandLine().getErr()).run(out);
    }
    try {
      if (warmup < 0) {
        throw new TrainingException("train.bench.badWarmup", warmup);
      }
      if (limit < 0) {
        throw new TrainingException("train.error.notNonNegative", "--limit", limit);
      }
      out.println(EngineRuntime.start().describe());
      for (String model : models) {
        TrainingConfig config = TrainingConfig.defaults().withOptimizer(Optimizer.SGD)
            .withLearningRate(model.startsWith("lenet") ? 0.9 : 0.1).withBatchSize(batchSize).withEpochs(1).withLimit(limit);
        TrainRun run = TrainRun.prepare(model, dataset, null, home != null ? home : ProjectHome.find(), config);
        int trainExamples = run.prepared().data().train().size();
        long iterations = (trainExamples + (long) batchSize - 1) / batchSize;
        if (iterations <= warmup) {
          throw new TrainingException("train.bench.tooFewIterations", trainExamples, batchSize, iterations, warmup,
              Math.max(0, iterations / 2));
        }
        if (!run.run(out, null)) {
          if (run.log().ending() instanceof TrainingEvent.Failed failed) {
            command.commandLine().getErr().println(failed.message());
          }
          return 1;
        }
        double[] rates = run.log().iterations().stream().skip(warmup).mapToDouble(TrainingEvent.Iteration::examplesPerSecond)
            .toArray();
        TrainingEvent.Epoch epoch = run.log().epochs().get(0);
        if (json) {
          out.println(PyTorchComparison.resultLine(model, epoch.examplesPerSecond(), median(rates)));
        } else {
          out.println(Messages.get("train.bench.result", model, median(rates), rates.length, warmup, epoch.seconds(),
              epoch.examplesPerSecond(), epoch.test().accuracy()));
        }
        out.flush();
      }
      return 0;
    } catch (TrainingException e) {
      command.commandLine().getErr().println(TrainCommand.withOptionNames(e));
      return 2;
    } catch (SpecException | DatasetException | NotEnoughMemoryException e) {
      command.commandLine().getErr().println(e.getLocalizedMessage());
      return 2;
    }
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
