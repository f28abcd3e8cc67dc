package org.tensorworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tensorworkbench.engine.data.PolynomialGenerator.Curve;
import org.tensorworkbench.engine.io.AtomicFiles;
import org.tensorworkbench.engine.lab.generalization.LinearFit;
import org.tensorworkbench.engine.lab.generalization.PolynomialExperiment;
import org.tensorworkbench.engine.lab.generalization.Sweep;
import org.tensorworkbench.engine.lab.generalization.WeightDecayExperiment;
import org.tensorworkbench.i18n.LocalizedException;
import org.tensorworkbench.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sweep --what degree|train-size|weight-decay --values ... --out DIR}: the Generalization
 * Lab's U-curve without a window. Writes {@code DIR/sweep-<what>.csv} (value, final train loss,
 * final test loss) atomically.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Train one model per value (polynomial degree, training points or weight decay) and write the"
        + " final train and test loss per value as CSV.")
final class SweepCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--what", required = true, paramLabel = "KIND", description = "degree, train-size or weight-decay.")
  private String what;

  @Option(names = "--values", required = true, paramLabel = "LIST",
      description = "Values: a list (1,3,19) or a range (0:20 or 10:100:10).")
  private String values;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for sweep-<what>.csv.")
  private Path out;

  @Option(names = "--degree", defaultValue = "19", description = "Degree of a train-size sweep (default ${DEFAULT-VALUE}).")
  private int degree;

  @Option(names = "--train-points", defaultValue = "20",
      description = "Training points of a degree sweep (default ${DEFAULT-VALUE}).")
  private int trainPoints;

  @Option(names = "--epochs", description = "Epochs per model (default: 400 for polynomials, 100 for weight decay).")
  private Integer epochs;

  @Option(names = "--noise", defaultValue = "0.1", description = "Noise of the polynomial data (default ${DEFAULT-VALUE}).")
  private double noise;

  @Option(names = "--curve", defaultValue = "cubic", description = "cubic (d2l) or sine (default ${DEFAULT-VALUE}).")
  private String curve;

  @Option(names = "--decay", defaultValue = "l2", description = "l2 (in the loss) or decoupled (default ${DEFAULT-VALUE}).")
  private String decay;

  @Option(names = "--optimizer", defaultValue = "sgd", description = "sgd or adam, weight decay only (default ${DEFAULT-VALUE}).")
  private String optimizer;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the data, weights and batches (default ${DEFAULT-VALUE}).")
  private long seed;

  @Override
  public Integer call() throws IOException {
    PrintWriter text = spec.commandLine().getOut();
    try {
      Sweep.Kind kind = Sweep.Kind.of(what);
      List<Double> vs = Sweep.parseValues(values);
      Sweep.check(kind, vs);
      PolynomialExperiment.Settings d2l = PolynomialExperiment.Settings.d2l();
      PolynomialExperiment.Settings poly = new PolynomialExperiment.Settings(
          curve.toLowerCase(Locale.ROOT).startsWith("sin") ? Curve.SINE : Curve.D2L_CUBIC, List.of(degree), trainPoints,
          d2l.testPoints(), noise, epochs == null ? d2l.epochs() : epochs, d2l.learningRate(), seed);
      WeightDecayExperiment.Settings w = WeightDecayExperiment.Settings.d2l();
      LinearFit.Method method = optimizer.equalsIgnoreCase("adam") ? LinearFit.Method.ADAM : LinearFit.Method.SGD;
      WeightDecayExperiment.Settings wd = new WeightDecayExperiment.Settings(w.lambdas(),
          decay.equalsIgnoreCase("decoupled") ? LinearFit.Decay.DECOUPLED : LinearFit.Decay.L2_IN_LOSS, method,
          epochs == null ? w.epochs() : epochs, method == LinearFit.Method.ADAM ? 0.01 : w.learningRate(), seed);
      long start = System.nanoTime();
      List<String> lines = new ArrayList<>();
      lines.add(kind.id() + ",train_loss,test_loss");
      Sweep.run(kind, vs, poly, wd, () -> false, p -> {
        String row = String.format(Locale.ROOT, "%s,%.8g,%.8g", Sweep.Kind.WEIGHT_DECAY == kind ? Double.toString(p.value())
            : Long.toString(Math.round(p.value())), p.trainLoss(), p.testLoss());
        lines.add(row);
        text.println(row);
        text.flush();
      });
      Files.createDirectories(out);
      Path file = out.resolve("sweep-" + kind.id() + ".csv");
      AtomicFiles.writeString(file, String.join("\n", lines) + "\n");
      text.println(Messages.get("generalization.cli.written", file.toAbsolutePath(),
          String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9)));
      return 0;
    } catch (LocalizedException e) {
      spec.commandLine().getErr().println(e.getLocalizedMessage());
      return 2;
    }
  }
}
