package org.tensorworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.engine.io.ModelFile;

/** {@code finetune} compares fine-tuning with training from scratch; {@code train --classes} trains on some classes. */
class FineTuneCommandTest {
  static final String MNIST_MODEL = Path.of(CliRun.HOME, "assets/models/lenet-relu-mnist.twmodel").toString();

  @Test
  void printsBothTestAccuraciesPerEpoch() {
    CliRun cli = new CliRun();
    int code = cli.run("finetune", "--model", MNIST_MODEL, "--task", "other-five", "--images", "40",
        "--test-images", "100", "--epochs", "1", "--batch-size", "20", "--freeze", "conv1", "--home", CliRun.HOME);
    assertEquals(0, code, cli.err.toString());
    String out = cli.out.toString();
    assertTrue(out.contains("classes 5-9 only: 40 training and 100 test images"), out);
    assertTrue(out.contains("conv1 frozen") && out.contains("dense3 fine_tune x10.0"), out);
    assertTrue(out.matches("(?s).*epoch 1  test acc fine-tuned 0\\.\\d{4}  from scratch 0\\.\\d{4}.*"), out);
  }

  @Test
  void theOptimizerCanBeChosenAndAnUnknownOneIsRefused() {
    CliRun cli = new CliRun();
    int code = cli.run("finetune", "--model", MNIST_MODEL, "--task", "other-five", "--images", "40",
        "--test-images", "100", "--epochs", "1", "--batch-size", "20", "--optimizer", "momentum", "--lr", "0.01",
        "--home", CliRun.HOME);
    assertEquals(0, code, cli.err.toString());
    assertTrue(cli.out.toString().contains("Both runs: momentum, base learning rate 0.01."), cli.out.toString());
    CliRun bad = new CliRun();
    assertEquals(2, bad.run("finetune", "--model", MNIST_MODEL, "--task", "other-five", "--optimizer", "lion",
        "--home", CliRun.HOME));
    assertTrue(bad.err.toString().contains("lion"), bad.err.toString());
  }

  @Test
  void anUnreadableModelIsNamed(@TempDir Path dir) throws Exception {
    Path notAModel = Files.writeString(dir.resolve("broken.twmodel"), "hello");
    CliRun cli = new CliRun();
    assertEquals(2, cli.run("finetune", "--model", notAModel.toString(), "--task", "clothes", "--home", CliRun.HOME));
    assertTrue(cli.err.toString().contains("broken.twmodel"), cli.err.toString());
  }

  @Test
  void trainOnSomeClassesRelabelsThem(@TempDir Path dir) throws Exception {
    CliRun cli = new CliRun();
    Path out = dir.resolve("run");
    int code = cli.run("train", "--network", Path.of(CliRun.HOME, "assets/models/lenet-relu-5.json").toString(),
        "--dataset", "fashion-mnist", "--classes", "0-4", "--limit", "64", "--epochs", "1", "--out", out.toString(),
        "--home", CliRun.HOME);
    assertEquals(0, code, cli.err.toString());
    var model = ModelFile.load(out.resolve("model.twmodel"));
    assertEquals("fashion-mnist 0-4", model.metadata().datasetName());
    assertEquals(5, model.metadata().classNames().size());
    assertEquals("T-shirt/top", model.metadata().classNames().get(0));
    assertTrue(cli.out.toString().contains("64 training / 5000 test"), cli.out.toString());

    CliRun bad = new CliRun();
    assertEquals(2, bad.run("train", "--network", "lenet", "--dataset", "fashion-mnist", "--classes", "4-4",
        "--out", dir.resolve("bad").toString(), "--home", CliRun.HOME));
    assertTrue(bad.err.toString().contains("classes"), bad.err.toString());
  }
}
