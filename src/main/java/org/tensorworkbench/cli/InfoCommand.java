package org.tensorworkbench.cli;

import java.util.concurrent.Callable;
import org.tensorworkbench.engine.BackendInfo;
import org.tensorworkbench.engine.EngineRuntime;
import org.tensorworkbench.engine.EngineStartException;
import picocli.CommandLine.Command;

/** {@code info}: starts the compute engine and prints which backend is really in use. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Show the compute backend in use.")
final class InfoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    BackendInfo info;
    try {
      info = EngineRuntime.start();
    } catch (EngineStartException e) {
      System.err.println(e.getLocalizedMessage());
      return 1;
    }
    System.out.println(info.describe());
    return 0;
  }
}
