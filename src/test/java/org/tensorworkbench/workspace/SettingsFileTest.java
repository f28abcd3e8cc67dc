package org.tensorworkbench.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
  @TempDir Path config;
  @TempDir Path home;

  private SettingsFile file() {
    return new SettingsFile(config.resolve("tensor-workbench"), home);
  }

  @Test
  void firstRunGivesTheDefaults() {
    Settings s = file().load();
    assertEquals(Settings.defaults(home), s);
    assertNull(s.language(), "follows the system language until one is chosen");
    assertEquals(100, s.zoomPercent());
    assertEquals(PreferredDevice.CPU, s.device());
    assertEquals(home.resolve("TensorWorkbench").toString(), s.workspaceFolder());
  }

  @Test
  void everySettingSurvivesASaveAndALoad() throws IOException {
    Settings saved = Settings.defaults(home)
        .withLanguage(Locale.SIMPLIFIED_CHINESE)
        .withZoomPercent(175)
        .withWindow(new WindowBounds(40, 60, 1024, 700, true))
        .withDevice(PreferredDevice.GPU)
        .withWorkspaceFolder(home.resolve("class-2026"));
    file().save(saved);
    Settings loaded = file().load();
    assertEquals(saved, loaded);
    assertEquals(Locale.SIMPLIFIED_CHINESE, loaded.locale(Locale.ENGLISH));
  }

  @Test
  void savingReplacesTheFileAndLeavesNoTemporaryFiles() throws IOException {
    SettingsFile file = file();
    file.save(Settings.defaults(home).withZoomPercent(125));
    file.save(Settings.defaults(home).withZoomPercent(150));
    assertEquals(150, file.load().zoomPercent());
    try (Stream<Path> files = Files.list(file.path().getParent())) {
      assertEquals(List.of(SettingsFile.FILE_NAME), files.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void aCorruptFileGivesTheDefaultsAndIsKeptAside() throws IOException {
    SettingsFile file = file();
    Files.createDirectories(file.path().getParent());
    Files.writeString(file.path(), "{\"zoomPercent\": 150, \"language\": ", StandardCharsets.UTF_8);
    assertEquals(Settings.defaults(home), file.load());
    Path aside = file.path().resolveSibling("settings.json.corrupt");
    assertTrue(Files.exists(aside), "the unreadable file is kept for the user");
    assertEquals("{\"zoomPercent\": 150, \"language\": ", Files.readString(aside));
  }

  @Test
  void filesThatAreNotSettingsGiveTheDefaults() throws IOException {
    SettingsFile file = file();
    Files.createDirectories(file.path().getParent());
    for (String content : List.of("", "null", "[1, 2, 3]", "\"text\"", "{\"zoomPercent\": \"big\"}", "\u0000\u00ff")) {
      Files.writeString(file.path(), content, StandardCharsets.UTF_8);
      assertEquals(Settings.defaults(home), file.load(), "content: " + content);
    }
  }

  @Test
  void outOfRangeAndUnknownValuesFallBackOneByOne() throws IOException {
    SettingsFile file = file();
    Files.createDirectories(file.path().getParent());
    Files.writeString(file.path(), """
        {"language": "fr", "zoomPercent": 900, "device": "TPU", "workspaceFolder": "relative/folder",
         "window": {"x": 10, "y": 10, "width": 20, "height": 20, "maximized": false},
         "somethingNewer": true}
        """);
    Settings s = file.load();
    assertNull(s.language());
    assertEquals(200, s.zoomPercent());
    assertEquals(PreferredDevice.CPU, s.device());
    assertEquals(Settings.defaults(home).workspaceFolder(), s.workspaceFolder());
    assertNull(s.window(), "a 20x20 window is not restored");
  }

  @Test
  void aValidFileWithSomeValuesMissingKeepsTheOthers() throws IOException {
    SettingsFile file = file();
    Files.createDirectories(file.path().getParent());
    Files.writeString(file.path(), "{\"zoomPercent\": 125}");
    Settings s = file.load();
    assertEquals(125, s.zoomPercent());
    assertEquals(PreferredDevice.CPU, s.device());
    assertFalse(s.workspaceFolder().isBlank());
  }

  @Test
  void aFolderThatCannotBeWrittenFailsTheSaveWithoutTouchingTheOldFile() throws IOException {
    Path blocker = config.resolve("not-a-folder");
    Files.writeString(blocker, "a file where the settings folder should be");
    SettingsFile file = new SettingsFile(blocker, home);
    try {
      file.save(Settings.defaults(home));
      throw new AssertionError("saving into a file instead of a folder must fail");
    } catch (IOException expected) {
      assertEquals("a file where the settings folder should be", Files.readString(blocker));
    }
  }
}
