package org.tensorworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.tensorworkbench.workspace.ProjectHome;
import org.tensorworkbench.workspace.WorkspaceFolders;
import org.tensorworkbench.engine.data.Cancellation;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetDownloader;
import org.tensorworkbench.engine.data.DatasetException;
import org.tensorworkbench.engine.data.DatasetInfo;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.data.DownloadCatalog;
import org.tensorworkbench.engine.data.FileVerifier;
import org.tensorworkbench.engine.data.Task;
import org.tensorworkbench.i18n.LocalizedException;
import org.tensorworkbench.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code datasets list | describe NAME | verify | download NAME}: the Datasets screen without a
 * window. Problems with files are printed as one clear sentence (exit code 1), never a stack trace.
 */
@Command(name = "datasets", mixinStandardHelpOptions = true,
    description = "List, describe, verify (SHA-256) and download the datasets.",
    subcommands = {
      DatasetsCommand.ListDatasets.class,
      DatasetsCommand.Describe.class,
      DatasetsCommand.Verify.class,
      DatasetsCommand.Download.class,
    })
final class DatasetsCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--home", paramLabel = "DIR", description = "The folder holding datasets/ (default: found automatically).")
  private Path home;

  @Option(names = "--workspace", paramLabel = "DIR",
      description = "The workspace folder that downloads go into and downloaded sets are read from (default: the workspace folder chosen in the app's settings, ~/TensorWorkbench unless changed).")
  private Path workspace;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  DatasetRegistry registry() {
    return new DatasetRegistry(home(), workspace());
  }

  Path home() {
    return home != null ? home : ProjectHome.find();
  }

  Path workspace() {
    return WorkspaceFolders.chosenOrCurrentUser(workspace).root();
  }

  /**
   * Runs {@code body}, turning a {@link DatasetException} (or another problem with a message,
   * such as an output that cannot be written) into its message and exit code 1.
   */
  static int reporting(CommandSpec spec, Callable<Integer> body) throws Exception {
    try {
      return body.call();
    } catch (LocalizedException e) {
      spec.commandLine().getErr().println(e.getLocalizedMessage());
      return 1;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the datasets and whether they can be loaded.")
  static final class ListDatasets implements Callable<Integer> {
    @Spec
    private CommandSpec spec;
    @picocli.CommandLine.ParentCommand
    private DatasetsCommand parent;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      for (DatasetInfo info : parent.registry().available()) {
        out.printf("%-24s %-36s %s%n", info.name(), info.title(),
            Messages.get("data.cli.source." + info.source().name() + (info.available() ? "" : ".missing")));
      }
      return 0;
    }
  }

  @Command(name = "describe", mixinStandardHelpOptions = true,
      description = "Load a dataset and print its splits, shapes, classes and normalization.")
  static final class Describe implements Callable<Integer> {
    @Spec
    private CommandSpec spec;
    @picocli.CommandLine.ParentCommand
    private DatasetsCommand parent;

    @Parameters(paramLabel = "NAME", description = "A name from 'datasets list'.")
    private String name;

    @Option(names = "--limit", defaultValue = "0", description = "Use only the first N training samples (0 = all).")
    private int limit;

    @Option(names = "--validation", defaultValue = "0", description = "Share of the training samples held out for validation.")
    private double validation;

    @Option(names = "--scaling", defaultValue = "AUTO", description = "AUTO, RAW, UNIT_RANGE or STANDARDIZE.")
    private DatasetOptions.Scaling scaling;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of generated sets and held-out splits.")
    private long seed;

    @Override
    public Integer call() throws Exception {
      return reporting(spec, () -> {
        DatasetOptions options = DatasetOptions.defaults().withLimit(limit).withValidationFraction(validation)
            .withScaling(scaling).withSeed(seed);
        Dataset data = parent.registry().load(name, options);
        PrintWriter out = spec.commandLine().getOut();
        out.println(data.description());
        out.println(Messages.get("data.cli.sizes", data.train().size(), data.validation().size(), data.test().size()));
        out.println(Messages.get("data.cli.sampleShape", Arrays.toString(data.featureShape())));
        out.println(Messages.get("data.cli.normalization", data.normalization().describe()));
        if (data.task() == Task.CLASSIFICATION) {
          List<String> names = data.classNames();
          int[] counts = data.train().classCounts();
          for (int c = 0; c < names.size(); c++) {
            out.printf("  %2d %-16s %,d%n", c, names.get(c), counts[c]);
          }
          int n = Math.min(10, data.train().size());
          out.println(Messages.get("data.cli.firstLabels", Arrays.toString(Arrays.copyOf(data.train().labels(), n))));
        } else {
          out.println(Messages.get("data.cli.target", data.targetName()));
        }
        return 0;
      });
    }
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Check every shipped file against datasets/manifest.sha256.")
  static final class Verify implements Callable<Integer> {
    @Spec
    private CommandSpec spec;
    @picocli.CommandLine.ParentCommand
    private DatasetsCommand parent;

    @Override
    public Integer call() throws Exception {
      return reporting(spec, () -> {
        PrintWriter out = spec.commandLine().getOut();
        boolean allGood = true;
        for (FileVerifier.FileCheck check : parent.registry().shippedVerifier().checkAll()) {
          allGood &= check.status() == FileVerifier.Status.OK;
          out.printf("%-10s %s%n", check.status(), check.relativePath());
          if (check.status() == FileVerifier.Status.MISMATCH) {
            out.println("           " + Messages.get("data.cli.sums", check.expected(), check.actual()));
          }
        }
        out.println(Messages.get(allGood ? "data.cli.verifyOk" : "data.cli.verifyBad"));
        return allGood ? 0 : 1;
      });
    }
  }

  @Command(name = "download", mixinStandardHelpOptions = true,
      description = "Download the official files of fashion-mnist-official or cifar-10 into the workspace (SHA-256 checked).")
  static final class Download implements Callable<Integer> {
    @Spec
    private CommandSpec spec;
    @picocli.CommandLine.ParentCommand
    private DatasetsCommand parent;

    @Parameters(paramLabel = "NAME", description = "fashion-mnist-official or cifar-10.")
    private String name;

    @Option(names = "--url", paramLabel = "URL",
        description = "Another location: the folder URL (ending in /) for Fashion-MNIST, the archive URL for CIFAR-10.")
    private String url;

    @Override
    public Integer call() throws Exception {
      return reporting(spec, () -> {
        DownloadCatalog.DownloadSpec files = switch (name) {
          case DatasetRegistry.FASHION_MNIST_OFFICIAL -> DownloadCatalog.fashionMnist(url != null ? url : DownloadCatalog.FASHION_MNIST_BASE);
          case DatasetRegistry.CIFAR_10 -> DownloadCatalog.cifar10(url != null ? url : DownloadCatalog.CIFAR_10_URL);
          default -> throw new DatasetException("data.error.unknownDataset", name,
              DatasetRegistry.FASHION_MNIST_OFFICIAL + ", " + DatasetRegistry.CIFAR_10);
        };
        Cancellation cancellation = new Cancellation();
        Thread onInterrupt = new Thread(cancellation::cancel, "cancel-download");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        PrintWriter err = spec.commandLine().getErr();
        int[] lastPercent = {-1};
        Path folder = new DatasetDownloader(DatasetDownloader.defaultClient(), parent.workspace()).download(files, p -> {
          int percent = (int) (p.fraction() * 100);
          if (percent != lastPercent[0]) {
            lastPercent[0] = percent;
            err.printf("\r%s %3d%%", p.fileName(), percent);
            err.flush();
          }
        }, cancellation);
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
        err.println();
        spec.commandLine().getOut().println(Messages.get("data.ui.downloadDone", folder));
        return 0;
      });
    }
  }
}
