package org.tensorworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.engine.lab.conv.ImageLoader;
import org.tensorworkbench.engine.lab.conv.ImagePlanes;
import org.tensorworkbench.i18n.Messages;
import picocli.CommandLine;

class ConvolveCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void english() {
    Messages.setLocale(Locale.ENGLISH);
  }

  @AfterEach
  void backToEnglish() {
    Messages.setLocale(Locale.ENGLISH);
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new WorkbenchCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void d2lBoundaryWithTheEdgeDetectorWritesAFigureAndExplainsTheShape(@TempDir Path dir) {
    Path png = dir.resolve("edge.png");
    int code = run("convolve", "--image", "synthetic:boundary", "--kernel", "1,-1", "--display", "diverging",
        "--out", png.toString());
    assertEquals(0, code, err.toString());
    String text = out.toString();
    assertTrue(text.contains("width: ⌊(8 + 2·0 − 1·(2 − 1) − 1) / 1⌋ + 1 = 7"), text);
    assertTrue(text.contains("Convolution output shape: [1, 1, 6, 7]"), text);
    assertTrue(text.contains("Multiplications: 84"), text);
    assertTrue(text.contains("Additions: 42 without bias, 84 with bias"), text);
    assertTrue(text.contains("-1 to 1"), text);
    ImagePlanes written = ImageLoader.load(png);
    assertEquals(6, written.height());
    assertEquals(7, written.width());
  }

  @Test
  void photographWithPaddingStridePoolingAndPreset() {
    int code = run("convolve", "--image", "assets/images/camera.png", "--kernel", "gaussian", "--size", "5",
        "--padding", "2", "--stride", "2", "--pool", "max:2");
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().contains("Convolution output shape: [1, 1, 256, 256]"), out.toString());
    assertTrue(out.toString().contains("After pooling: [1, 1, 128, 128]"), out.toString());
  }

  @Test
  void badInputGivesAMessageAndExitCodeTwoNotAStackTrace() {
    assertEquals(2, run("convolve", "--image", "synthetic:boundary", "--kernel", "1,2;3"));
    assertTrue(err.toString().contains("Kernel row 2 has 1 weights but the first row has 2."), err.toString());
    assertEquals(2, run("convolve", "--image", "no-such-file.png", "--kernel", "sobel-x"));
    assertTrue(err.toString().contains("There is no file no-such-file.png"), err.toString());
    assertEquals(2, run("convolve", "--image", "synthetic:boundary", "--kernel", "gaussian", "--size", "9"));
    assertTrue(err.toString().contains("padded input is only 6 wide"), err.toString());
  }

  @Test
  void messagesFollowTheLanguage() throws Exception {
    Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    assertEquals(0, run("convolve", "--image", "synthetic:impulse", "--kernel", "laplacian"));
    assertTrue(out.toString().contains("卷积输出形状：[1, 1, 13, 13]"), out.toString());
    assertTrue(Files.exists(Path.of("assets/images/camera.png")));
  }
}
