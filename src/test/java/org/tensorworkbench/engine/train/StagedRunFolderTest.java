package org.tensorworkbench.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.io.AtomicFiles;
import org.tensorworkbench.engine.io.ModelFile;
import org.tensorworkbench.engine.spec.Templates;

/**
 * A run folder written through {@link RunFolder#stage} (by {@code train} and the Training screen)
 * is the previous run or the new one after any failure, never a mix, and leaves nothing beside it.
 */
class StagedRunFolderTest {
  private static final DatasetRegistry REGISTRY =
      new DatasetRegistry(Path.of(System.getProperty("tensorworkbench.home", ".")));
  private static PreparedRun run;
  private static TrainingSession session;
  private static RunLog log;

  @TempDir
  Path dir;

  /** One short softmax-regression run on 300 MNIST images, shared by the tests. */
  @BeforeAll
  static void trainOnce() throws Exception {
    TrainingConfig config = TrainingConfig.defaults().withBatchSize(100).withEpochs(1).withSeed(3);
    run = PreparedRun.prepare(Templates.load("softmax-regression"), DatasetRegistry.MNIST, null, REGISTRY,
        DatasetOptions.defaults().withLimit(300).withTestLimit(100), config);
    TrainingEventQueue queue = new TrainingEventQueue();
    session = run.newSession(SessionOptions.quiet(), queue);
    log = new RunLog();
    session.start();
    assertTrue(session.awaitEnd(120, TimeUnit.SECONDS));
    queue.drain().forEach(log::add);
  }

  @AfterAll
  static void closeSession() {
    session.close();
  }

  @AfterEach
  void noMoreFailures() {
    AtomicFiles.simulateFailureUnder(null, null);
  }

  private Path previousRun() throws IOException {
    Path previous = Files.createDirectories(dir.resolve("run"));
    Files.writeString(previous.resolve(RunFolder.SUMMARY), "previous summary");
    Files.writeString(previous.resolve(RunFolder.MODEL), "previous model");
    return previous;
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private void saveModel(Path file) throws Exception {
    run.saveModelNow(file, run.metadata(log.epochs()), false);
  }

  @Test
  void aCommittedRunReplacesThePreviousOneWhole() throws Exception {
    Path target = previousRun();
    Files.writeString(target.resolve("notes.txt"), "of the previous run");
    try (RunFolder.Staged staged = RunFolder.stage(target)) {
      saveModel(staged.modelFile());
      assertFalse(Files.exists(target.resolve(RunFolder.METRICS)), "nothing reaches the target before the commit");
      staged.commit("softmax-regression", run, log);
    }
    RecordedRun recorded = RunFolder.read(target);
    assertEquals("finished", recorded.status());
    assertEquals(1, ModelFile.load(target.resolve(RunFolder.MODEL)).metadata().epochsTrained());
    assertFalse(Files.exists(target.resolve("notes.txt")), "nothing of the previous run is mixed in");
    assertEquals(List.of("run"), names());
  }

  @Test
  void aWriteFailingHalfWayKeepsThePreviousRunAndLeavesNoHalfFolder() throws Exception {
    Path target = previousRun();
    IOException failure;
    try (RunFolder.Staged staged = RunFolder.stage(target)) {
      saveModel(staged.modelFile());
      // the model, metrics and curve are written; the summary, written last, fails
      AtomicFiles.simulateFailureUnder(staged.folder().resolve("." + RunFolder.SUMMARY), "No space left on device");
      failure = assertThrows(IOException.class, () -> staged.commit("softmax-regression", run, log));
      assertTrue(Files.isRegularFile(staged.folder().resolve(RunFolder.METRICS)), "the failure came half-way");
    }
    assertTrue(failure.getMessage().contains("No space left"), failure.getMessage());
    assertEquals("previous summary", Files.readString(target.resolve(RunFolder.SUMMARY)));
    assertEquals("previous model", Files.readString(target.resolve(RunFolder.MODEL)));
    try (Stream<Path> files = Files.list(target)) {
      assertEquals(List.of(RunFolder.MODEL, RunFolder.SUMMARY), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertEquals(List.of("run"), names(), "no staging folder is left");
  }

  @Test
  void aFailedModelSaveLeavesNoRunFolderAtAll() throws Exception {
    Path target = dir.resolve("new-run");
    try (RunFolder.Staged staged = RunFolder.stage(target)) {
      AtomicFiles.simulateFailureUnder(staged.folder(), "Read-only file system");
      assertThrows(IOException.class, () -> saveModel(staged.modelFile()));
    }
    assertEquals(List.of(), names());
  }
}
