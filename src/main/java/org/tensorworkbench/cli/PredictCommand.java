package org.tensorworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tensorworkbench.workspace.ProjectHome;
import org.tensorworkbench.workspace.WorkspaceFolders;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetException;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.data.DatasetSplit;
import org.tensorworkbench.engine.data.Task;
import org.tensorworkbench.engine.io.ModelFile;
import org.tensorworkbench.engine.io.ModelFileException;
import org.tensorworkbench.engine.io.OutputPathException;
import org.tensorworkbench.engine.io.OutputPaths;
import org.tensorworkbench.engine.io.SavedModel;
import org.tensorworkbench.engine.io.SplitPredictions;
import org.tensorworkbench.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code predict}: a saved model's predictions for a dataset split, as CSV
 * ({@code index,label,predicted,p0..p(K-1)}). Problems print one clear sentence (exit code 1).
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = "Predict a dataset split with a saved model and write the predictions as CSV.")
final class PredictCommand implements Callable<Integer> {
  /** The splits a dataset has. */
  enum SplitName { train, validation, test }

  @Spec
  private CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model file (.twmodel).")
  private Path model;

  @Option(names = "--dataset", paramLabel = "NAME",
      description = "A name from 'datasets list' (default: the dataset the model was trained on).")
  private String dataset;

  @Option(names = "--split", defaultValue = "test", paramLabel = "SPLIT",
      description = "train, validation or test (default: ${DEFAULT-VALUE}).")
  private SplitName split;

  @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "Only the first N samples (0 = all).")
  private int limit;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
  private Path out;

  @Option(names = "--home", paramLabel = "DIR", description = "The folder holding datasets/ (default: found automatically).")
  private Path home;

  @Option(names = "--workspace", paramLabel = "DIR",
      description = "The workspace folder holding downloaded sets (default: the workspace folder chosen in the app's settings, ~/TensorWorkbench unless changed).")
  private Path workspace;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      OutputPaths.requireFile(out, ".csv", List.of(model));
      SavedModel saved = ModelFile.load(model);
      String name = dataset != null ? dataset : saved.metadata().datasetName();
      if (name.isEmpty()) {
        err.println(Messages.get("model.cli.noDataset"));
        return 1;
      }
      SplitPredictions predictions = SplitPredictions.of(saved, split(load(name)), limit);
      predictions.writeCsv(out);
      PrintWriter stdout = spec.commandLine().getOut();
      int n = predictions.labels().length;
      stdout.println(predictions.task() == Task.CLASSIFICATION
          ? Messages.get("model.cli.wroteWithAccuracy", n, out, predictions.accuracy() * 100)
          : Messages.get("model.cli.wrote", n, out));
      stdout.flush();
      return 0;
    } catch (NoSuchFileException e) {
      err.println(Messages.get("model.cli.notFound", e.getFile()));
      return 1;
    } catch (ModelFileException | DatasetException | OutputPathException e) {
      err.println(e.getLocalizedMessage());
      return 1;
    } catch (IOException e) {
      err.println(Messages.get("model.cli.ioError", String.valueOf(e.getMessage())));
      return 1;
    }
  }

  private Dataset load(String name) {
    Path projectHome = home != null ? home : ProjectHome.find();
    Path workspaceFolder = WorkspaceFolders.chosenOrCurrentUser(workspace).root();
    return new DatasetRegistry(projectHome, workspaceFolder).load(name, DatasetOptions.defaults());
  }

  private DatasetSplit split(Dataset data) {
    return switch (split) {
      case train -> data.train();
      case validation -> data.validation();
      case test -> data.test();
    };
  }
}
