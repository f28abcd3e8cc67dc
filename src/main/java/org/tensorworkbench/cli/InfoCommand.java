package org.tensorworkbench.cli;

import java.util.concurrent.Callable;
import org.tensorworkbench.engine.BackendInfo;
import org.tensorworkbench.engine.EngineRuntime;
import picocli.CommandLine.Command;

/** {@code info}: starts the compute engine and prints which backend is really in use. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Show the compute backend in use.")
final class InfoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    BackendInfo info = EngineRuntime.start();
    System.out.println(info.describe());
    return 0;
  }
}
