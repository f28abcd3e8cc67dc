package org.tensorworkbench.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDirectoryTest {
  private static final Path HOME = Path.of("/home/ann");

  @Test
  void linuxUsesXdgConfigHome() {
    assertEquals(Path.of("/xdg/tensor-workbench"),
        ConfigDirectory.resolve("Linux", Map.of("XDG_CONFIG_HOME", "/xdg"), HOME));
  }

  @Test
  void linuxFallsBackToDotConfigWhenXdgIsUnsetOrRelative() {
    Path expected = Path.of("/home/ann/.config/tensor-workbench");
    assertEquals(expected, ConfigDirectory.resolve("Linux", Map.of(), HOME));
    assertEquals(expected, ConfigDirectory.resolve("Linux", Map.of("XDG_CONFIG_HOME", "relative"), HOME));
    assertEquals(expected, ConfigDirectory.resolve("FreeBSD", Map.of("XDG_CONFIG_HOME", ""), HOME));
  }

  @Test
  void windowsUsesAppData() {
    assertEquals(Path.of("/appdata/roaming/TensorWorkbench"),
        ConfigDirectory.resolve("Windows 11", Map.of("APPDATA", "/appdata/roaming"), HOME));
    assertEquals(Path.of("/home/ann/AppData/Roaming/TensorWorkbench"),
        ConfigDirectory.resolve("Windows 10", Map.of(), HOME));
  }

  @Test
  void macUsesApplicationSupport() {
    assertEquals(Path.of("/home/ann/Library/Application Support/TensorWorkbench"),
        ConfigDirectory.resolve("Mac OS X", Map.of("XDG_CONFIG_HOME", "/xdg"), HOME));
  }
}
