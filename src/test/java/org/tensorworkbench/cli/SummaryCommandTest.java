package org.tensorworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.NetworkSpecJson;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.i18n.Messages;
import picocli.CommandLine;

class SummaryCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Locale before;

  @BeforeEach
  void english() {
    before = Messages.locale();
    Messages.setLocale(Locale.ENGLISH);
  }

  @AfterEach
  void restore() {
    Messages.setLocale(before);
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new WorkbenchCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private String line(String startingWith) {
    return out.toString().lines().filter(l -> l.startsWith(startingWith)).findFirst().orElseThrow();
  }

  @Test
  void printsLenetLayerByLayerWithTotals() {
    assertEquals(0, run("summary", "--network", "lenet"));
    assertEquals(List.of("conv1", "Conv2d", "[1,", "6,", "28,", "28]", "weight", "[6,", "1,", "5,", "5],", "bias", "[6]",
        "156", "117,600", "117,600"), List.of(line("conv1 ").split("\\s+")));
    assertTrue(line("sigmoid1 ").contains("Sigmoid"));
    assertTrue(line("Total").endsWith("61,706          418,096    421,248"), line("Total"));
    assertTrue(out.toString().contains("Trainable parameters: 61,706"));
    assertTrue(out.toString().contains("Multiply-accumulates per example (convolutions and dense layers): 416,520"));
    assertTrue(out.toString().contains("Activation memory for the batch (float32): 63,184 bytes"));
  }

  @Test
  void theInputShapeOptionSetsBatchAndImageSize() {
    assertEquals(0, run("summary", "--network", "vgg11", "--input-shape", "10,3,224,224"));
    assertTrue(out.toString().startsWith("VGG-11 with batch size 10"));
    String conv = line("b1_conv1 ");
    assertTrue(conv.contains("[10, 64, 224, 224]") && conv.contains("weight [64, 3, 3, 3]")
        && conv.endsWith("867,041,280     867,041,280"), conv);
  }

  @Test
  void listsProblemsAndFailsForANetworkWithErrors() {
    assertEquals(1, run("summary", "--network", "lenet", "--input-shape", "2,1,8,8"));
    assertTrue(line("conv2 ").contains("error"));
    assertTrue(line("sigmoid2 ").contains("blocked"));
    assertTrue(out.toString().contains(
        "  conv2: a 5x5 kernel does not fit a 4x4 input with padding 0: ⌊(4 + 2·0 − 5)/1⌋ + 1 = 0"), out.toString());
  }

  @Test
  void readsNetworkFilesEvenUnfinishedOnes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("draft.json");
    NetworkSpecJson.write(NetworkSpec.of("draft", List.of(
        NodeSpec.of("input1", InputSpec.of(12)),
        NodeSpec.of("dense1", DenseSpec.of(1), "input1"),
        NodeSpec.of("output1", new OutputSpec(OutputSpec.Loss.MSE), "dense9"))), file);
    assertEquals(1, run("summary", "--network", file.toString(), "--batch", "4"));
    assertTrue(line("dense1 ").contains("[4, 1]"));
    assertTrue(out.toString().contains("output1 takes its input from \"dense9\", but there is no layer with that name."));
  }

  @Test
  void badArgumentsGetAClearMessage() {
    assertEquals(2, run("summary", "--network", "lenet7"));
    assertTrue(err.toString().startsWith("No template or file named \"lenet7\". Templates: linear-regression,"), err.toString());
    assertEquals(2, run("summary", "--network", "lenet", "--input-shape", "1,x"));
    assertTrue(err.toString().contains("--input-shape needs the batch size"), err.toString());
    assertEquals(2, run("summary", "--network", "lenet", "--input-shape", "4,1,28,28", "--batch", "8"));
    assertTrue(err.toString().contains("--batch 8 and --input-shape 4,1,28,28 disagree"), err.toString());
  }
}
