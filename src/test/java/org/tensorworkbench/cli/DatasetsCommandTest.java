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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.i18n.Messages;
import picocli.CommandLine;

class DatasetsCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir
  Path workspace;

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
  void withoutWorkspaceTheSettingsWorkspaceIsUsed() throws Exception {
    Path chosen = workspace.resolve("from-settings");
    System.setProperty(org.tensorworkbench.workspace.ConfigDirectory.OVERRIDE_PROPERTY, workspace.resolve("config").toString());
    try {
      org.tensorworkbench.workspace.SettingsFile.forCurrentUser()
          .save(org.tensorworkbench.workspace.Settings.defaults(workspace).withWorkspaceFolder(chosen));
      CommandLine cli = new CommandLine(new WorkbenchCommand());
      DatasetsCommand datasets = (DatasetsCommand) cli.parseArgs("datasets", "list").subcommand().commandSpec().userObject();
      assertEquals(chosen.toAbsolutePath(), datasets.workspace(), "not a hard-coded ~/TensorWorkbench");
      datasets = (DatasetsCommand) new CommandLine(new WorkbenchCommand())
          .parseArgs("datasets", "--workspace", workspace.toString(), "list").subcommand().commandSpec().userObject();
      assertEquals(workspace.toAbsolutePath(), datasets.workspace());
    } finally {
      System.clearProperty(org.tensorworkbench.workspace.ConfigDirectory.OVERRIDE_PROPERTY);
    }
  }

  @Test
  void listShowsShippedGeneratedAndDownloadableSets() {
    assertEquals(0, run("datasets", "--home", ".", "--workspace", workspace.toString(), "list"), err.toString());
    String text = out.toString();
    assertTrue(text.contains("fashion-mnist "), text);
    assertTrue(text.contains("spiral"), text);
    assertTrue(text.contains("cifar-10") && text.contains("not downloaded"), text);
  }

  @Test
  void describePrintsSizesClassesAndTheFirstLabels() {
    assertEquals(0, run("datasets", "--home", ".", "--workspace", workspace.toString(), "describe", "mnist",
        "--limit", "100", "--validation", "0.1"), err.toString());
    String text = out.toString();
    assertTrue(text.contains("Samples: 90 train, 10 validation, 10,000 test"), text);
    assertTrue(text.contains("One sample: [1, 28, 28]"), text);
    assertTrue(text.contains("x = value / 255"), text);
  }

  @Test
  void verifyPassesOnTheShippedFiles() {
    assertEquals(0, run("datasets", "--home", ".", "verify"), err.toString());
    assertTrue(out.toString().contains("OK         mnist/train-images-idx3-ubyte.gz"), out.toString());
  }

  @Test
  void aDamagedCopyFailsVerificationWithBothSums(@TempDir Path home) throws IOException {
    Path datasets = Files.createDirectories(home.resolve("datasets/housing"));
    Files.copy(Path.of("datasets/manifest.sha256"), home.resolve("datasets/manifest.sha256"));
    Files.writeString(datasets.resolve("boston-housing.csv"), "CRIM,MEDV\n1,2\n");
    assertEquals(1, run("datasets", "--home", home.toString(), "verify"));
    String text = out.toString();
    assertTrue(text.contains("MISMATCH   housing/boston-housing.csv"), text);
    assertTrue(text.contains("expected 86befae859f79de03fd4bb82e999ce10e7ce72d59ebd3be6ceb6eb76a3902d42"), text);
    assertTrue(text.contains("MISSING    mnist/train-images-idx3-ubyte.gz"), text);
    assertEquals(1, run("datasets", "--home", home.toString(), "describe", "housing"));
    assertTrue(err.toString().contains("boston-housing.csv is damaged or was replaced"), err.toString());
    assertFalse(err.toString().contains("Exception"), err.toString());
  }

  @Test
  void unknownNamesAndMissingDownloadsAreOneSentence() {
    assertEquals(1, run("datasets", "--home", ".", "--workspace", workspace.toString(), "describe", "cifar-10"));
    assertTrue(err.toString().contains("datasets download cifar-10"), err.toString());
  }
}
