package org.tensorworkbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.tensorworkbench.i18n.Messages;
import picocli.CommandLine;

/** Runs the command line in English inside a test and keeps what it printed. */
final class CliRun {
  /** The project folder holding datasets/. */
  static final String HOME = System.getProperty("tensorworkbench.home", ".");
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  CliRun() {
    Messages.setLocale(Locale.ENGLISH);
  }

  /** The exit code of {@code tensor-workbench args...}; output accumulates in {@link #out} and {@link #err}. */
  int run(String... args) {
    CommandLine cli = new CommandLine(new WorkbenchCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
