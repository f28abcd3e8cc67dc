package org.tensorworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.workspace.ProjectHome;
import picocli.CommandLine;

class GeneralizationCommandsTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new WorkbenchCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void sweepWritesOneRowPerValue(@TempDir Path dir) throws Exception {
    assertEquals(0, run("sweep", "--what", "degree", "--values", "1,3", "--epochs", "20", "--out", dir.toString()), err.toString());
    List<String> lines = Files.readAllLines(dir.resolve("sweep-degree.csv"));
    assertEquals("degree,train_loss,test_loss", lines.get(0));
    assertEquals(3, lines.size());
    assertTrue(lines.get(1).startsWith("1,"), lines.get(1));
  }

  @Test
  void sweepRefusesAnEmptyListWithASentence(@TempDir Path dir) {
    assertEquals(2, run("sweep", "--what", "degree", "--values", " ", "--out", dir.toString()));
    assertTrue(err.toString().contains("no values"), err.toString());
  }

  @Test
  void crossvalWritesFoldsAndSummaryButNeverIntoTheDataset(@TempDir Path dir) throws Exception {
    assertEquals(0, run("crossval", "--folds", "3", "--epochs", "5", "--out", dir.toString()), err.toString());
    assertEquals(1 + 3 * 5, Files.readAllLines(dir.resolve("folds.csv")).size());
    assertTrue(Files.readString(dir.resolve("summary.json")).contains("\"folds\": 3"));
    Path housing = ProjectHome.find().resolve("datasets/housing");
    assertEquals(2, run("crossval", "--out", housing.toString()));
    assertTrue(err.toString().contains("Refusing"), err.toString());
    assertEquals(2, run("crossval", "--folds", "12", "--out", dir.toString()));
  }

  @Test
  void crossvalTrainsAnMlpThroughTheEngine(@TempDir Path dir) throws Exception {
    assertEquals(0, run("crossval", "--network", "mlp:16", "--folds", "2", "--epochs", "3", "--lr", "0.05",
        "--out", dir.toString()), err.toString());
    List<String> rows = Files.readAllLines(dir.resolve("folds.csv"));
    assertEquals(1 + 2 * 3, rows.size());
    assertTrue(rows.get(6).matches("2,3,[0-9.]+,[0-9.]+"), rows.get(6));
    assertTrue(Files.readString(dir.resolve("summary.json")).contains("\"network\": \"mlp:16\""));
    assertTrue(out.toString().contains("fold 2:"), out.toString());
  }

  @Test
  void crossvalExplainsBadInputInBothLanguages(@TempDir Path dir) {
    for (java.util.Locale locale : org.tensorworkbench.i18n.Messages.SUPPORTED) {
      org.tensorworkbench.i18n.Messages.setLocale(locale);
      try {
        err.getBuffer().setLength(0);
        assertEquals(2, run("crossval", "--network", "no-such-net", "--out", dir.toString()));
        assertTrue(err.toString().contains("no-such-net") && !err.toString().contains("Exception"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("crossval", "--network", "mlp", "--out", dir.toString()));
        assertTrue(err.toString().contains(locale.getLanguage().equals("zh") ? "平方误差" : "squared error"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("crossval", "--folds", "12", "--out", dir.toString()));
        assertTrue(err.toString().contains("12"), err.toString());
      } finally {
        org.tensorworkbench.i18n.Messages.setLocale(java.util.Locale.ENGLISH);
      }
    }
  }
}
