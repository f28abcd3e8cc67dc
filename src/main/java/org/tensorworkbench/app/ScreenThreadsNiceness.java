package org.tensorworkbench.app;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Gives the threads that draw the window, JavaFX's application thread and Prism's render
 * thread, a lower scheduling priority than the training's (on Linux: nice 10, set per thread
 * with glibc's {@code setpriority}, which an ordinary user may do to lower it). On a 2-core
 * machine the training computes each minibatch in two halves on two threads; a frame that
 * preempts one of them delays both, as the other waits for it, so every millisecond the window
 * took cost the training about two. With a lower priority the frames run mostly where the
 * training leaves a core free, at every minibatch's hand-over, and still get a share of the CPU
 * when it does not (README, "Training speed and bench"). Other systems keep their priorities.
 */
final class ScreenThreadsNiceness {
  /** The window's threads as Linux names them: /proc's comm, the Java name cut to 15 bytes. */
  static final List<String> SCREEN_THREADS = List.of("JavaFX Applicat", "QuantumRendere");
  static final int NICE = 10;
  private static final int PRIO_PROCESS = 0;

  private ScreenThreadsNiceness() {}

  /**
   * Sets the nice value of this process's threads whose names start with one of
   * {@code namePrefixes}; returns how many were changed (0 where this is not Linux).
   *
   * @throws IOException if the threads cannot be listed or glibc refuses
   */
  static int lower(List<String> namePrefixes, int nice) throws IOException {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
      return 0;
    }
    List<Integer> threads = new ArrayList<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String name = readName(task);
        if (name != null && namePrefixes.stream().anyMatch(name::startsWith)) {
          threads.add(Integer.parseInt(task.getFileName().toString()));
        }
      }
    }
    try {
      Function setpriority = NativeLibrary.getInstance("c").getFunction("setpriority");
      for (int tid : threads) {
        if (setpriority.invokeInt(new Object[] {PRIO_PROCESS, tid, nice}) != 0) {
          throw new IOException("setpriority refused for thread " + tid);
        }
      }
    } catch (UnsatisfiedLinkError e) {
      throw new IOException("no glibc setpriority: " + e.getMessage(), e);
    }
    return threads.size();
  }

  /** The thread's name, or null if it ended meanwhile. */
  private static String readName(Path task) {
    try {
      return Files.readString(task.resolve("comm")).strip();
    } catch (IOException e) {
      return null;
    }
  }
}
