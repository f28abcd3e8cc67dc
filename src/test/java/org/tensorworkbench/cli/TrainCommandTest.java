package org.tensorworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.engine.io.ModelFile;
import picocli.CommandLine;

/** {@code train}; a template takes every option not given from its recipe. */
class TrainCommandTest {
  private static final String HOME = System.getProperty("tensorworkbench.home", ".");

  private static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cli = new CommandLine(new WorkbenchCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void trainsAndWritesMetricsSummaryAndModel(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = run(out, err, "train", "--network", "softmax-regression", "--dataset", "mnist", "--limit", "1000",
        "--epochs", "2", "--batch-size", "100", "--lr", "0.1", "--out", dir.toString(), "--home", HOME);
    assertEquals(0, code, err::toString);
    List<String> csv = Files.readAllLines(dir.resolve("metrics.csv"));
    assertEquals("epoch,train_loss,train_acc,test_loss,test_acc,seconds,images_per_s", csv.get(0));
    assertEquals(3, csv.size());
    assertTrue(csv.get(2).startsWith("2,"));
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertTrue(summary.get("test_accuracy").asDouble() > 0.5, summary.toString());
    assertEquals(2, summary.get("epochs").asInt());
    assertEquals("sgd", summary.get("training").get("optimizer").asText().toLowerCase(java.util.Locale.ROOT));
    assertTrue(summary.get("images_per_second").asDouble() > 0);
    assertTrue(Files.size(dir.resolve("model" + ModelFile.EXTENSION)) > 0);
    assertTrue(out.toString().contains("epoch 2/2"), out.toString());
  }

  @Test
  void rejectsAnUnknownOptimizerWithAMessage(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    int code = run(new StringWriter(), err, "train", "--network", "mlp", "--dataset", "mnist", "--optimizer", "lion",
        "--out", dir.toString(), "--home", HOME);
    assertEquals(2, code);
    assertTrue(err.toString().contains("Unknown optimizer \"lion\""), err.toString());
  }

  @Test
  void aTemplateTrainsWithItsRecipeAndTheFirstLineSaysSo(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = run(out, err, "train", "--network", "lenet", "--limit", "256", "--epochs", "1", "--lr", "0.5",
        "--out", dir.toString(), "--home", HOME);
    assertEquals(0, code, err::toString);
    String first = out.toString().lines().findFirst().orElseThrow();
    assertEquals("Recipe for lenet (d2l 7.6): sgd, lr 0.9, batch 256, 10 epochs, fashion-mnist; "
        + "--lr 0.5, --epochs 1, --limit 256 given", first);
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertEquals("fashion-mnist", summary.get("dataset").asText(), "the dataset comes from the recipe");
    JsonNode training = summary.get("training");
    assertEquals(0.5, training.get("learningRate").asDouble(), 0, "given on the command line");
    assertEquals(256, training.get("batchSize").asInt(), "from the recipe");
    assertEquals(1, training.get("epochs").asInt());
    assertEquals(256, training.get("limit").asInt());
  }

  @Test
  void optionsGivenOverrideTheRecipe(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = run(out, err, "train", "--network", "softmax-regression", "--dataset", "mnist", "--limit", "200",
        "--epochs", "1", "--optimizer", "adam", "--lr", "0.01", "--out", dir.toString(), "--home", HOME);
    assertEquals(0, code, err::toString);
    assertTrue(out.toString().startsWith("Recipe for softmax-regression (d2l 4.4): sgd, lr 0.1, batch 256, 10 epochs, "
        + "fashion-mnist; --optimizer adam, --lr 0.01, --epochs 1, --limit 200, --dataset mnist given"), out::toString);
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertEquals("mnist", summary.get("dataset").asText());
    assertEquals("adam", summary.get("training").get("optimizer").asText().toLowerCase(java.util.Locale.ROOT));
  }

  @Test
  void aNetworkFileWithoutADatasetIsRefusedWithAMessage(@TempDir Path dir) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = run(out, err, "train", "--network", dir.resolve("my-net.json").toString(), "--out", dir.toString(),
        "--home", HOME);
    assertEquals(2, code);
    assertTrue(out.toString().startsWith("No recipe ("), out::toString);
    assertTrue(out.toString().contains("the defaults: sgd, lr 0.1, batch 256, 10 epochs"), out::toString);
    assertTrue(err.toString().contains("--dataset is missing"), err::toString);
  }
}
