package org.tensorworkbench.launch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts this program again with the same command line and a few more environment variables.
 *
 * <p>ND4J fixes its backend when the JVM starts, from the environment variables
 * {@code BACKEND_PRIORITY_CPU} and {@code BACKEND_PRIORITY_GPU} (see
 * {@link org.tensorworkbench.engine.DeviceChoice}), so a new compute device or workspace folder
 * takes a new process. The command comes from the operating system's record of this process
 * (on Linux {@code /proc/self/cmdline}), so it works the same for {@code java -jar}, a packaged
 * launcher and {@code mvn javafx:run}.
 */
public final class Relauncher {
  private Relauncher() {}

  /** The command line that started {@code process}: executable, JVM options, main class, arguments. */
  static Optional<List<String>> commandOf(ProcessHandle.Info process) {
    Optional<String> executable = process.command();
    Optional<String[]> arguments = process.arguments();
    if (executable.isEmpty() || arguments.isEmpty()) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(executable.get());
    command.addAll(List.of(arguments.get()));
    return Optional.of(command);
  }

  /**
   * Starts a copy of this process with {@code environment} added, sharing its console and working
   * folder. The caller then ends this process.
   *
   * @return false if the operating system does not tell this process's command line
   * @throws IOException if the new process could not be started
   */
  public static boolean startAgain(Map<String, String> environment) throws IOException {
    Optional<List<String>> command = commandOf(ProcessHandle.current().info());
    if (command.isEmpty()) {
      return false;
    }
    ProcessBuilder builder = new ProcessBuilder(command.get()).inheritIO();
    builder.environment().putAll(environment);
    builder.start();
    return true;
  }
}
