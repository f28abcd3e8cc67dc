package org.tensorworkbench.ui.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Names the folder of a finished run in the workspace's {@code runs/}: when it started and which
 * network, e.g. {@code 2026-05-01_14-03-22_LeNet}, characters a file system may refuse replaced
 * by {@code -}, and {@code -2}, {@code -3}... added while the name is taken.
 */
final class RunFolderNames {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss", Locale.ROOT);

  private RunFolderNames() {}

  /** A folder of {@code runs} that does not exist yet for a run of {@code networkName} at {@code time}. */
  static Path next(Path runs, String networkName, LocalDateTime time) {
    String safe = networkName.replaceAll("[^A-Za-z0-9._-]+", "-");
    String base = time.format(TIME) + "_" + safe;
    Path dir = runs.resolve(base);
    for (int i = 2; Files.exists(dir); i++) {
      dir = runs.resolve(base + "-" + i);
    }
    return dir;
  }
}
