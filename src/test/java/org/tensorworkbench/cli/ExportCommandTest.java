package org.tensorworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.io.ModelFile;
import org.tensorworkbench.engine.io.ModelMetadata;
import org.tensorworkbench.engine.spec.Templates;
import org.tensorworkbench.i18n.Messages;
import picocli.CommandLine;

class ExportCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir
  Path dir;

  @BeforeEach
  void english() {
    Messages.setLocale(Locale.ENGLISH);
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new WorkbenchCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path lenet() throws IOException {
    Path model = dir.resolve("lenet" + ModelFile.EXTENSION);
    ModelFile.save(model, NetworkCompiler.compile(Templates.load("lenet")), ModelMetadata.empty(), false);
    return model;
  }

  @Test
  void exportsOnnx() throws IOException {
    Path onnx = dir.resolve("lenet.onnx");
    assertEquals(0, run("export", "--model", lenet().toString(), "--format", "onnx", "--out", onnx.toString()), err.toString());
    assertTrue(Files.size(onnx) > 100_000, "LeNet's 61,706 weights");
    assertTrue(out.toString().contains("Wrote " + onnx), out.toString());
  }

  @Test
  void exportsPyTorchAsAScriptAndItsWeights() throws IOException {
    Path script = dir.resolve("lenet.py");
    assertEquals(0, run("export", "--model", lenet().toString(), "--format", "pytorch", "--out", script.toString()), err.toString());
    assertTrue(Files.readString(script).contains("nn.Conv2d(1, 6, kernel_size=5, padding=2)"));
    assertTrue(Files.exists(dir.resolve("lenet.npz")));
  }

  @Test
  void aMissingOrForeignModelIsBadInput() throws IOException {
    assertEquals(2, run("export", "--model", dir.resolve("none.twmodel").toString(), "--format", "onnx", "--out", "x.onnx"));
    assertTrue(err.toString().contains("none.twmodel"), err.toString());
    Path notes = dir.resolve("notes.twmodel");
    Files.writeString(notes, "not a model");
    assertEquals(2, run("export", "--model", notes.toString(), "--format", "onnx", "--out", dir.resolve("x.onnx").toString()));
    assertFalse(Files.exists(dir.resolve("x.onnx")));
    assertEquals(List.of(notes), Files.list(dir).toList());
  }

  @Test
  void anUnknownFormatIsAUsageError() throws IOException {
    assertEquals(2, run("export", "--model", lenet().toString(), "--format", "keras", "--out", "x.h5"));
  }
}
