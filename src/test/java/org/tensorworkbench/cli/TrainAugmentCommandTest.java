package org.tensorworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --augment FILE}: the Transfer Lab's pipeline file applied to the training minibatches. */
class TrainAugmentCommandTest {

  @Test
  void trainsWithAPipelineFile(@TempDir Path dir) throws Exception {
    Path pipeline = dir.resolve("pipeline.json");
    Files.writeString(pipeline, "{\"format\": 1, \"steps\": [{\"operation\": \"rotation\", \"p\": 0.5},"
        + " {\"operation\": \"cutout\", \"parameters\": {\"size\": 6}}]}");
    CliRun cli = new CliRun();
    int code = cli.run("train", "--network", "softmax-regression", "--dataset", "mnist", "--limit", "300",
        "--epochs", "1", "--batch-size", "100", "--augment", pipeline.toString(), "--out", dir.resolve("run").toString(),
        "--home", CliRun.HOME);
    assertEquals(0, code, cli.err::toString);
    assertTrue(cli.out.toString().contains("Augmenting every training minibatch with the 2 steps"), cli.out.toString());
    assertTrue(Files.exists(dir.resolve("run").resolve("metrics.csv")));
  }

  @Test
  void aBadPipelineIsRefusedBeforeTraining(@TempDir Path dir) throws Exception {
    Path pipeline = dir.resolve("pipeline.json");
    Files.writeString(pipeline, "{\"format\": 1, \"steps\": [{\"operation\": \"flipHorizontal\", \"p\": 2}]}");
    CliRun cli = new CliRun();
    int code = cli.run("train", "--network", "softmax-regression", "--dataset", "mnist", "--limit", "300",
        "--augment", pipeline.toString(), "--out", dir.resolve("run").toString(), "--home", CliRun.HOME);
    assertEquals(2, code);
    assertTrue(cli.err.toString().contains("the probability p = 2 must lie between 0 and 1"), cli.err.toString());
    assertFalse(Files.exists(dir.resolve("run")));
  }
}
