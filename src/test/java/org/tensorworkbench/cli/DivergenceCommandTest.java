package org.tensorworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A learning rate of 10⁶ keeps the loss finite (about 10²³) but useless: the run stops with a hint. */
class DivergenceCommandTest {
  private static final String HOME = CliRun.HOME;

  @Test
  void aFiniteButExplodingLossStopsTrainingWithTheLearningRateHint(@TempDir Path dir) {
    CliRun cli = new CliRun();
    StringWriter out = cli.out;
    StringWriter err = cli.err;
    int code = cli.run("train", "--network", "mlp", "--dataset", "fashion-mnist", "--limit", "1000",
        "--epochs", "2", "--batch-size", "50", "--lr", "1e6", "--out", dir.resolve("run").toString(), "--home", HOME);
    assertEquals(1, code, out + "\n" + err);
    String message = err.toString().trim();
    assertTrue(message.contains("training has diverged") && message.contains("try 100,000"), message);
    assertFalse(message.contains("NaN") || message.contains("∞"), message);
    assertFalse(Files.exists(dir.resolve("run")), "nothing written for a failed run");
  }
}
