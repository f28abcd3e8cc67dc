package org.tensorworkbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderNamesTest {
  @TempDir
  Path runs;

  @Test
  void namedByTimeAndNetworkSafeAndNeverTaken() throws IOException {
    LocalDateTime at = LocalDateTime.of(2026, 5, 1, 14, 3, 22);
    Path first = RunFolderNames.next(runs, "Le Net/5:a", at);
    assertEquals(runs.resolve("2026-05-01_14-03-22_Le-Net-5-a"), first);
    Files.createDirectories(first);
    assertEquals(runs.resolve("2026-05-01_14-03-22_Le-Net-5-a-2"), RunFolderNames.next(runs, "Le Net/5:a", at));
    Files.createDirectories(runs.resolve("2026-05-01_14-03-22_Le-Net-5-a-2"));
    assertEquals(runs.resolve("2026-05-01_14-03-22_Le-Net-5-a-3"), RunFolderNames.next(runs, "Le Net/5:a", at));
  }
}
