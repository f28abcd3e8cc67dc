package org.tensorworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.io.AtomicFiles;
import org.tensorworkbench.engine.io.ModelFile;
import org.tensorworkbench.engine.io.ModelMetadata;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.OutputSpec;

/** Outputs that would destroy an input, or cannot be written, are refused before any work. */
class OutputRulesCommandTest {
  private static final String HOME = CliRun.HOME;
  private final CliRun cli = new CliRun();
  private final StringWriter out = cli.out;
  private final StringWriter err = cli.err;

  @TempDir
  Path dir;

  @AfterEach
  void noFailures() {
    AtomicFiles.simulateFailureUnder(null, null);
  }

  private int run(String... args) {
    return cli.run(args);
  }

  private Path model() throws Exception {
    Path file = dir.resolve("m" + ModelFile.EXTENSION);
    ModelFile.save(file, NetworkCompiler.compile(NetworkSpec.sequential("tiny", InputSpec.of(2), DenseSpec.of(4),
        new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY))), ModelMetadata.empty(), false);
    return file;
  }

  @Test
  void exportAndPredictNeverOverwriteTheModel() throws Exception {
    Path model = model();
    byte[] before = Files.readAllBytes(model);
    assertEquals(2, run("export", "--model", model.toString(), "--format", "onnx", "--out", model.toString()));
    assertEquals(1, run("predict", "--model", model.toString(), "--dataset", "spiral", "--out", model.toString()));
    assertEquals(2, run("export", "--model", model.toString(), "--format", "pytorch", "--out", dir.toString()));
    assertArrayEquals(before, Files.readAllBytes(model));
    assertTrue(err.toString().contains("is also an input"), err.toString());
    assertTrue(err.toString().contains("is a folder"), err.toString());
    ModelFile.load(model); // still whole and verified
  }

  @Test
  void trainRefusesAFileAsItsOutputFolderBeforeTraining() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
    assertEquals(2, run("train", "--network", "softmax-regression", "--dataset", "mnist", "--limit", "200",
        "--epochs", "1", "--out", file.toString(), "--home", HOME));
    assertEquals("mine", Files.readString(file));
    assertFalse(out.toString().contains("epoch 1/"), out.toString());
    assertTrue(err.toString().contains("is a file"), err.toString());
  }

  @Test
  void aReadOnlyOutputFolderIsFoundBeforeTraining() throws Exception {
    AtomicFiles.simulateFailureUnder(dir, "Read-only file system");
    assertEquals(2, run("train", "--network", "softmax-regression", "--dataset", "mnist", "--limit", "200",
        "--epochs", "1", "--out", dir.resolve("run").toString(), "--home", HOME));
    assertFalse(out.toString().contains("epoch 1/1"), out.toString());
    assertTrue(err.toString().contains("Nothing was trained") && err.toString().contains("Read-only"), err.toString());
  }

  @Test
  void aDiskFullAtTheEndKeepsThePreviousRunAndSaysSoInOneSentence() throws Exception {
    Path run = Files.createDirectories(dir.resolve("run"));
    Files.writeString(run.resolve("summary.json"), "{\"status\":\"finished\"}");
    AtomicFiles.simulateFailureUnder(dir.resolve(".run.staging-"), "No space left on device");
    assertEquals(1, run("train", "--network", "softmax-regression", "--dataset", "mnist", "--limit", "200",
        "--epochs", "1", "--batch-size", "100", "--out", run.toString(), "--home", HOME));
    assertTrue(out.toString().contains("epoch 1/1"), out.toString());
    String message = err.toString().trim();
    assertTrue(message.startsWith("Training finished, but the run could not be written") && message.contains("No space left")
        && !message.contains("\n") && !message.contains("Exception"), message);
    assertEquals("{\"status\":\"finished\"}", Files.readString(run.resolve("summary.json")));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "the staging folder is gone");
    }
  }
}
