package org.tensorworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.io.AtomicFiles;
import org.tensorworkbench.engine.lab.generalization.HousingCrossValidation;
import org.tensorworkbench.engine.lab.generalization.HousingModel;
import org.tensorworkbench.engine.lab.tensor.LabInputException;
import org.tensorworkbench.i18n.LocalizedException;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.workspace.ProjectHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crossval --network linear|mlp:WIDTH|TEMPLATE|FILE --dataset housing --folds 5 --out DIR}:
 * K-fold cross-validation as in the Generalization Lab: the lab's linear model, its MLP with one
 * hidden ReLU layer of WIDTH units, or any regression design (a template name or a network JSON
 * file the workbench saved) trained by the engine. Writes {@code DIR/folds.csv} (fold, epoch,
 * train and validation log-RMSE) and {@code DIR/summary.json} (mean and spread), atomically, and
 * never into the dataset's own folder.
 */
@Command(name = "crossval", mixinStandardHelpOptions = true,
    description = "K-fold cross-validation of a model on the housing data (d2l 5.7): per-fold log-RMSE as CSV"
        + " and the mean and spread as JSON.")
final class CrossValCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--network", defaultValue = "linear", paramLabel = "linear|mlp:WIDTH|TEMPLATE|FILE",
      description = "The model: linear (d2l's linear regression), mlp:WIDTH (one hidden ReLU layer, e.g. mlp:64),"
          + " or a regression template (linear-regression) or network JSON file, trained by the engine"
          + " (default ${DEFAULT-VALUE}).")
  private String network;

  @Option(names = "--dataset", defaultValue = "housing", description = "The dataset: housing (default ${DEFAULT-VALUE}).")
  private String dataset;

  @Option(names = "--folds", defaultValue = "5", description = "K, 2 to 10 (default ${DEFAULT-VALUE}).")
  private int folds;

  @Option(names = "--epochs", defaultValue = "100", description = "Epochs per fold (default ${DEFAULT-VALUE}).")
  private int epochs;

  @Option(names = "--lr", defaultValue = "0.2", description = "Adam learning rate (default ${DEFAULT-VALUE}).")
  private double lr;

  @Option(names = "--weight-decay", defaultValue = "0", description = "L2 coefficient (default ${DEFAULT-VALUE}).")
  private double weightDecay;

  @Option(names = "--batch", defaultValue = "64", description = "Batch size (default ${DEFAULT-VALUE}).")
  private int batch;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the folds, weights and batches (default ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--home", paramLabel = "DIR", description = "The folder holding datasets/ (default: found automatically).")
  private Path home;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for folds.csv and summary.json.")
  private Path out;

  @Override
  public Integer call() throws IOException {
    PrintWriter text = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!dataset.equalsIgnoreCase(DatasetRegistry.HOUSING)) {
      err.println(Messages.get("generalization.cli.onlyHousing", dataset));
      return 2;
    }
    Path projectHome = home != null ? home : ProjectHome.find();
    Path input = projectHome.resolve("datasets").resolve(DatasetRegistry.HOUSING).toAbsolutePath().normalize();
    if (out.toAbsolutePath().normalize().startsWith(input)) {
      err.println(Messages.get("generalization.cli.outIsInput", out, input));
      return 2;
    }
    try {
      long start = System.nanoTime();
      HousingCrossValidation cv = HousingCrossValidation.load(projectHome);
      HousingModel model = model(network, cv.features());
      HousingCrossValidation.Settings s = new HousingCrossValidation.Settings(model, folds, epochs, lr, weightDecay,
          batch, seed);
      HousingCrossValidation.Outcome o = cv.crossValidate(s, () -> false, f -> text.println(String.format(Locale.ROOT,
          "fold %d: train log-RMSE %.4f, validation log-RMSE %.4f", f.fold() + 1, f.finalTrain(), f.finalValid())));
      double seconds = (System.nanoTime() - start) / 1e9;
      StringBuilder csv = new StringBuilder("fold,epoch,train_log_rmse,valid_log_rmse\n");
      for (HousingCrossValidation.Fold f : o.folds()) {
        for (int e = 0; e < f.validLogRmse().length; e++) {
          csv.append(String.format(Locale.ROOT, "%d,%d,%.6f,%.6f%n", f.fold() + 1, e + 1, f.trainLogRmse()[e],
              f.validLogRmse()[e]));
        }
      }
      String json = String.format(Locale.ROOT, "{%n  \"dataset\": \"housing\",%n  \"network\": \"%s\",%n"
          + "  \"examples\": %d,%n  \"folds\": %d,%n  \"epochs\": %d,%n  \"learning_rate\": %s,%n  \"weight_decay\": %s,%n"
          + "  \"batch_size\": %d,%n  \"seed\": %d,%n  \"mean_valid_log_rmse\": %.6f,%n  \"std_valid_log_rmse\": %.6f,%n"
          + "  \"mean_train_log_rmse\": %.6f,%n  \"seconds\": %.2f%n}%n", json(model.label()), cv.examples(), folds, epochs, lr, weightDecay, batch,
          seed, o.meanValid(), o.spreadValid(), o.meanTrain(), seconds);
      Files.createDirectories(out);
      AtomicFiles.writeString(out.resolve("folds.csv"), csv.toString());
      AtomicFiles.writeString(out.resolve("summary.json"), json);
      text.println(Messages.get("generalization.cli.crossval", folds, String.format(Locale.ROOT, "%.4f", o.meanValid()),
          String.format(Locale.ROOT, "%.4f", o.spreadValid()), String.format(Locale.ROOT, "%.1f", seconds),
          out.toAbsolutePath()));
      return 0;
    } catch (LocalizedException e) {
      err.println(e.getLocalizedMessage());
      return 2;
    }
  }

  /** linear, mlp:WIDTH, or a template name or network file (through the same loader as summary and train). */
  static HousingModel model(String name, int features) {
    if (name.equalsIgnoreCase("linear")) {
      return HousingModel.LINEAR;
    }
    if (name.toLowerCase(Locale.ROOT).startsWith("mlp:")) {
      String width = name.substring(4).strip();
      try {
        return HousingModel.mlp(Integer.parseInt(width));
      } catch (NumberFormatException e) {
        throw new LabInputException("generalization.error.notAWholeNumber", width);
      }
    }
    return HousingModel.network(name, SummaryCommand.load(name), features);
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
