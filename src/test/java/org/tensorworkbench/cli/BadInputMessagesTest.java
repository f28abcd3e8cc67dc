package org.tensorworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.engine.spec.NetworkSpecJson;
import org.tensorworkbench.engine.spec.Templates;

/** Huge sizes and malformed input get one clear sentence, never a stack trace or a wrong number. */
class BadInputMessagesTest {
  private static final String HOME = CliRun.HOME;
  private final CliRun cli = new CliRun();
  private final StringWriter out = cli.out;
  private final StringWriter err = cli.err;

  @TempDir
  Path dir;

  private int run(String... args) {
    return cli.run(args);
  }

  private String errors() {
    String text = err.toString();
    assertFalse(text.contains("Exception") || text.contains("\tat ") || text.contains("java."), text);
    return text;
  }

  private Path lenetWith(String from, String to) throws Exception {
    String json = NetworkSpecJson.write(Templates.load("lenet"));
    assertTrue(json.contains(from), json);
    return Files.writeString(dir.resolve("edited.json"), json.replaceFirst(java.util.regex.Pattern.quote(from), to));
  }

  @Test
  void aKernelSizeBeyondIntIsRefusedNotReadAsFive() throws Exception {
    assertEquals(2, run("summary", "--network", lenetWith("\"kernel\" : 5", "\"kernel\" : 4294967301").toString()));
    assertTrue(errors().contains("4294967301 is not a whole number"), err.toString());
  }

  @Test
  void aConvolutionWithoutDilationIsUndilated() throws Exception {
    assertEquals(0, run("summary", "--network", lenetWith("\"dilation\" : 1,", "").toString()));
    assertTrue(out.toString().contains("[1, 6, 28, 28]"), out.toString());
  }

  @Test
  void nodesAsAnObjectIsNamedInJsonTerms() throws Exception {
    Path file = Files.writeString(dir.resolve("n.json"), "{\"formatVersion\": 1, \"name\": \"x\", \"nodes\": {\"a\": 1}}");
    assertEquals(2, run("summary", "--network", file.toString()));
    assertTrue(errors().contains("\"nodes\" must be a list [ ... ], but it is an object"), err.toString());
  }

  @Test
  void aHugeBatchGivesNoNegativeCounts() {
    int code = run("summary", "--network", "vgg11", "--batch", "2000000000");
    assertFalse(out.toString().contains("-"), out.toString().lines().filter(l -> l.contains("-")).findFirst().orElse(""));
    assertTrue(code != 0 && (out + err.toString()).contains("too large to"), out + "\n" + err);
  }

  @Test
  void aBillionUnitDenseLayerGetsAMemoryFigure() throws Exception {
    String json = NetworkSpecJson.write(Templates.load("mlp")).replaceFirst("\"units\" : 256", "\"units\" : 1000000000");
    assertEquals(0, run("summary", "--network", Files.writeString(dir.resolve("big.json"), json).toString()));
    // 784·10^9 + 10^9 + 10·10^9 + 10 ≈ 7.95·10^11 parameters: 3.18 TB, twice that with the gradients
    assertTrue(out.toString().contains("Memory to train with this batch, estimated: 6.4 TB with SGD"),
        out.toString().lines().filter(l -> l.startsWith("Memory")).findFirst().orElse(out.toString()));
  }

  @Test
  void anOnnxFileIsNotANetworkFile() throws Exception {
    Path onnx = Files.write(dir.resolve("m.onnx"), new byte[] {8, 7, 18, (byte) 0xff, (byte) 0xfe, 0, 1});
    assertEquals(2, run("summary", "--network", onnx.toString()));
    assertTrue(errors().contains("is not a network file"), err.toString());
  }

  @Test
  void aHugePaddingIsRefusedWithTheMemoryItNeeds() {
    assertEquals(2, run("convolve", "--image", "synthetic:checkerboard", "--kernel", "sobel-x", "--padding", "100000"));
    assertTrue(errors().contains("The convolution was not started: it needs about"), err.toString());
    assertEquals(2, run("convolve", "--image", "synthetic:checkerboard", "--kernel", "sobel-x", "--padding", "2000000000"));
    assertTrue(errors().contains("cannot be computed"), err.toString());
  }

  @Test
  void aWeightThatIsNoNumberIsNamed() {
    assertEquals(2, run("convolve", "--image", "synthetic:checkerboard", "--kernel", "1,a;3,4"));
    assertTrue(errors().contains("'a' is not a number"), err.toString());
  }

  @Test
  void aCsvWithoutTargetListsTheColumns() {
    assertEquals(2, run("train", "--network", "linear-regression", "--dataset", Path.of(HOME, "datasets/housing/boston-housing.csv").toString(),
        "--epochs", "1", "--out", dir.resolve("run").toString(), "--home", HOME));
    assertTrue(errors().contains("--target") && err.toString().contains("MEDV"), err.toString());
  }

  @Test
  void settingsAreNamedAsTheOptionsTyped() {
    assertEquals(2, run("train", "--network", "mlp", "--dataset", "mnist", "--batch-size", "0",
        "--out", dir.resolve("run").toString(), "--home", HOME));
    assertTrue(errors().contains("--batch-size") && !err.toString().contains("batchSize"), err.toString());
  }

  @Test
  void benchRefusesANegativeWarmupAndAnEpochShorterThanTheWarmup() {
    assertEquals(2, run("bench", "--warmup", "-5", "--home", HOME));
    assertTrue(errors().contains("--warmup must be 0 or more"), err.toString());
    assertEquals(2, run("bench", "--models", "mlp", "--limit", "1000", "--home", HOME));
    assertTrue(errors().contains("an epoch has 4 iterations"), err.toString());
    assertFalse(out.toString().contains("NaN"), out.toString());
  }
}
