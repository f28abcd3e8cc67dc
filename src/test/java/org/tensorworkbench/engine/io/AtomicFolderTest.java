package org.tensorworkbench.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder is replaced as a whole: after any crash it is the old run or the new one. */
class AtomicFolderTest {
  @TempDir
  Path dir;

  @AfterEach
  void noMoreFailures() {
    AtomicFiles.simulateFailureUnder(null, null);
  }

  private Path oldRun() throws IOException {
    Path run = Files.createDirectories(dir.resolve("run"));
    Files.writeString(run.resolve("summary.json"), "old");
    Files.writeString(run.resolve("curve.csv"), "old curve");
    return run;
  }

  private List<String> names() throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theNewVersionReplacesTheOldOneWholeAndNothingIsLeftBeside() throws IOException {
    Path run = oldRun();
    Path staged = AtomicFiles.stageFolder(run);
    Files.writeString(staged.resolve("summary.json"), "new");
    AtomicFiles.replaceFolder(staged, run);
    assertEquals("new", Files.readString(run.resolve("summary.json")));
    assertFalse(Files.exists(run.resolve("curve.csv")), "nothing of the old run is mixed in");
    assertEquals(List.of("run"), names());
  }

  @Test
  void aProcessKilledAtTheRenameLeavesTheOldRunWhichTheNextRunRestoresAndCleansUp() throws Exception {
    Path run = oldRun();
    Path marker = dir.resolve("marker");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SaveAndHang.class.getName(), run.toString(), marker.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    try {
      while (!Files.exists(marker)) {
        assertTrue(p.isAlive(), () -> "the child died: " + read(dir.resolve("child.log")));
        Thread.sleep(50);
      }
      p.destroyForcibly(); // SIGKILL
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    } finally {
      p.destroyForcibly();
    }
    Files.delete(marker);
    Files.delete(dir.resolve("child.log"));
    // killed between moving the old run aside and renaming the new one into place
    assertTrue(names().stream().anyMatch(n -> n.contains(".staging-")), names().toString());
    Path staged = AtomicFiles.stageFolder(run); // the next run
    assertEquals("old", Files.readString(run.resolve("summary.json")));
    assertEquals("old curve", Files.readString(run.resolve("curve.csv")));
    assertEquals(List.of(staged.getFileName().toString(), "run"), names());
  }

  @Test
  void aFolderThatCannotBeWrittenIsFoundBeforeAnyWork() throws IOException {
    Path run = oldRun();
    AtomicFiles.simulateFailureUnder(dir, "Read-only file system");
    IOException e = assertThrows(IOException.class, () -> AtomicFiles.stageFolder(run));
    assertTrue(e.getMessage().contains("Read-only"), e.getMessage());
    assertEquals("old", Files.readString(run.resolve("summary.json")));
  }

  @Test
  void aWriteFailingHalfWayLeavesTheOldRunAsItWas() throws IOException {
    Path run = oldRun();
    Path staged = AtomicFiles.stageFolder(run);
    AtomicFiles.simulateFailureUnder(staged, "No space left on device");
    assertThrows(IOException.class, () -> AtomicFiles.writeString(staged.resolve("summary.json"), "new"));
    AtomicFiles.deleteTree(staged);
    assertEquals("old", Files.readString(run.resolve("summary.json")));
    assertEquals(List.of("run"), names());
  }

  @Test
  void tempFilesOfKilledWritersAreDeletedOnceStale() throws IOException {
    Path stale = Files.writeString(dir.resolve(".model.twmodel12345.tmp"), "half");
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(7200)));
    Path fresh = Files.writeString(dir.resolve(".model.twmodel999.tmp"), "being written by another process");
    AtomicFiles.writeString(dir.resolve("model.twmodel"), "whole");
    assertFalse(Files.exists(stale));
    assertTrue(Files.exists(fresh));
  }

  @Test
  void stagingFoldersOfKilledWritersOfOtherRunsAreDeletedOnceIdleButAWriterAtWorkKeepsItsFolder() throws IOException {
    Files.createDirectories(dir.resolve("run-1"));
    Path abandoned = AtomicFiles.stageFolder(dir.resolve("run-2"));
    Path model = Files.writeString(abandoned.resolve("model.twmodel"), "half");
    Instant twoDaysAgo = Instant.now().minus(java.time.Duration.ofDays(2));
    Files.setLastModifiedTime(model, FileTime.from(twoDaysAgo));
    Files.setLastModifiedTime(abandoned, FileTime.from(twoDaysAgo));
    Path longRun = AtomicFiles.stageFolder(dir.resolve("run-3"));
    Files.setLastModifiedTime(longRun, FileTime.from(twoDaysAgo));
    AtomicFiles.markInUse(longRun); // a long command-line run marks its folder after every epoch
    Path recentFile = AtomicFiles.stageFolder(dir.resolve("run-4"));
    Files.setLastModifiedTime(recentFile, FileTime.from(twoDaysAgo));
    Files.writeString(recentFile.resolve("model.twmodel"), "being saved now");

    assertEquals(1, AtomicFiles.deleteAbandonedStagingFolders(dir, java.time.Duration.ofDays(1)));
    assertFalse(Files.exists(abandoned));
    assertTrue(Files.exists(longRun) && Files.exists(recentFile));
    assertTrue(Files.isDirectory(dir.resolve("run-1")), "finished runs are never touched");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
