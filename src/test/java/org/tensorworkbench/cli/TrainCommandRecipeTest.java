package org.tensorworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code train --network <template>} takes every option not given from the template's recipe. */
class TrainCommandRecipeTest {
  private static final String HOME = System.getProperty("tensorworkbench.home", ".");

  private static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cli = new CommandLine(new WorkbenchCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
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
