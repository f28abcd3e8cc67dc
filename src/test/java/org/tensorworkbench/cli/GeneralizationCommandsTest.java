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
}
