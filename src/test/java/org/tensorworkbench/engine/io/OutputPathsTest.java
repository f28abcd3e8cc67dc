package org.tensorworkbench.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.i18n.Messages;

class OutputPathsTest {
  @TempDir
  Path dir;

  private String refusal(Runnable check) {
    return assertThrows(OutputPathException.class, check::run).key();
  }

  @Test
  void anOutputThatIsAnInputIsRefusedByAnyPathToIt() throws IOException {
    Path model = Files.writeString(dir.resolve("m.twmodel"), "model");
    Path sameByAnotherName = dir.resolve("sub/../m.twmodel");
    Files.createDirectories(dir.resolve("sub"));
    assertEquals("files.error.outputIsInput", refusal(() -> OutputPaths.requireFile(sameByAnotherName, ".twmodel", List.of(model))));
    Path link = Files.createSymbolicLink(dir.resolve("link.onnx"), model);
    assertEquals("files.error.outputIsInput", refusal(() -> OutputPaths.requireFile(link, ".onnx", List.of(model))));
    assertEquals("model", Files.readString(model));
  }

  @Test
  void aFolderOrAFileOfAnotherKindIsNotReplaced() throws IOException {
    Path model = Files.writeString(dir.resolve("m.twmodel"), "model");
    assertEquals("files.error.otherKind", refusal(() -> OutputPaths.requireFile(model, ".csv", List.of())));
    assertEquals("files.error.outputIsFolder", refusal(() -> OutputPaths.requireFile(dir, ".csv", List.of())));
    Path csv = Files.writeString(dir.resolve("old.CSV"), "a");
    OutputPaths.requireFile(csv, ".csv", List.of(model)); // the same kind: replaced
    OutputPaths.requireFile(dir.resolve("new/deeper/p.csv"), ".csv", List.of()); // folders are created
    assertEquals("files.error.noFolder", refusal(() -> OutputPaths.requireFile(model.resolve("x.csv"), ".csv", List.of())));
  }

  @Test
  void aRunFolderMayReplaceOnlyARunFolderOrAnEmptyOneAndNeverAFolderHoldingAnInput() throws IOException {
    Path data = Files.createDirectories(dir.resolve("datasets"));
    Path csv = Files.writeString(data.resolve("housing.csv"), "x");
    assertEquals("files.error.folderHoldsInput", refusal(() -> OutputPaths.requireFolder(data, "summary.json", List.of(csv))));
    assertEquals("files.error.notThatKindOfFolder", refusal(() -> OutputPaths.requireFolder(data, "summary.json", List.of())));
    assertEquals("files.error.outputIsFile", refusal(() -> OutputPaths.requireFolder(csv, "summary.json", List.of())));
    Path run = Files.createDirectories(dir.resolve("run"));
    OutputPaths.requireFolder(run, "summary.json", List.of(csv)); // empty
    Files.writeString(run.resolve("summary.json"), "{}");
    OutputPaths.requireFolder(run, "summary.json", List.of(csv)); // an earlier run
  }

  @Test
  void theMessagesNameTheFileInBothLanguages() throws IOException {
    Path model = Files.writeString(dir.resolve("m.twmodel"), "model");
    OutputPathException e = assertThrows(OutputPathException.class,
        () -> OutputPaths.requireFile(model, ".twmodel", List.of(model)));
    assertTrue(e.getMessage().contains(model.toString()), e.getMessage());
    assertTrue(Messages.get(Locale.SIMPLIFIED_CHINESE, e.key(), e.args()).contains("输入"));
  }
}
