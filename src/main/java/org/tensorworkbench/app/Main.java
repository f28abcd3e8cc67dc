package org.tensorworkbench.app;

import org.tensorworkbench.cli.WorkbenchCommand;

/**
 * Entry point of {@code tensor-workbench.jar}: no arguments open the window, anything else runs
 * the command line. It must not extend {@code Application}: on the classpath JavaFX refuses to
 * start a main class that does ("JavaFX runtime components are missing").
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      WorkbenchApp.launchApp(args);
    } else {
      System.exit(WorkbenchCommand.run(args));
    }
  }
}
