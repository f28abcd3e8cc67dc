package org.tensorworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.i18n.Messages;
import picocli.CommandLine;

/** {@code tune} refuses a bad search space with its message and exit code 2, writing nothing. */
class TuneCommandTest {
  @TempDir
  Path dir;

  @Test
  void aLogRangeWithZeroIsRefusedWithItsMessage() throws IOException {
    Messages.setLocale(Locale.ENGLISH);
    Path space = dir.resolve("space.json");
    Files.writeString(space, "{\"format\": 1, \"search\": {\"lr\": {\"min\": 0, \"max\": 1, \"log\": true}}}");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new WorkbenchCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("tune", "--network", "mlp", "--dataset", "fashion-mnist", "--space", space.toString(),
        "--method", "random", "--budget", "4", "--out", dir.resolve("study").toString());
    assertEquals(2, code);
    assertTrue(err.toString().contains("The range of lr is on a log scale"), err.toString());
    assertFalse(Files.exists(dir.resolve("study")));
  }
}
