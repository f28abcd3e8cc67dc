package org.tensorworkbench.cli;

import java.util.concurrent.Callable;
import org.tensorworkbench.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line: {@code tensor-workbench <subcommand> ...}. */
@Command(
    name = "tensor-workbench",
    mixinStandardHelpOptions = true,
    versionProvider = WorkbenchCommand.Version.class,
    description = "Tensor Workbench on the command line: the same engine as the app, no window.",
    subcommands = {
      InfoCommand.class,
      SummaryCommand.class,
      ConvolveCommand.class,
      DatasetsCommand.class,
      TrainCommand.class,
      FineTuneCommand.class,
      SweepCommand.class,
      CrossValCommand.class,
      TuneCommand.class,
      BenchCommand.class,
      PredictCommand.class,
      ExportCommand.class,
    })
public final class WorkbenchCommand implements Callable<Integer> {

  /** Runs the command line and returns the process exit code. */
  public static int run(String... args) {
    System.setOut(EngineChatterFilter.wrap(System.out));
    return new CommandLine(new WorkbenchCommand()).execute(args);
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return 0;
  }

  /** Prints the application version from the jar manifest or the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = WorkbenchCommand.class.getPackage().getImplementationVersion();
      return new String[] {Messages.get("cli.version", v == null ? "dev" : v)};
    }
  }
}
