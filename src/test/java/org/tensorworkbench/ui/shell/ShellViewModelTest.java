package org.tensorworkbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.workspace.PreferredDevice;
import org.tensorworkbench.workspace.Settings;
import org.tensorworkbench.workspace.WindowBounds;
import org.tensorworkbench.engine.BackendInfo;
import org.tensorworkbench.engine.DeviceChoice;
import org.tensorworkbench.ui.common.Appearance;
import org.tensorworkbench.ui.common.I18n;

/** The shell's state without a toolkit: zoom, language, persistence, restart and device notes. */
class ShellViewModelTest {
  private static final Path HOME = Path.of("/home/ann");
  private static final BackendInfo CPU = new BackendInfo(false, "CpuBackend", "CPU", 4, "AVX2", "OpenBLAS", 1L << 33);
  private static final BackendInfo GPU = new BackendInfo(true, "JCublasBackend", "RTX 3060", 4, "", "cuBLAS", 12L << 30);

  private final List<Settings> stored = new ArrayList<>();

  @AfterEach
  void resetGlobalUiState() {
    I18n.setLocale(Locale.ENGLISH);
    Appearance.setZoomPercent(100);
  }

  private ShellViewModel model(Settings initial, Locale system) {
    return new ShellViewModel(initial, system, stored::add);
  }

  @Test
  void startsInTheSystemLanguageUntilOneIsChosen() {
    ShellViewModel model = model(Settings.defaults(HOME), Locale.CHINA);
    assertEquals(Locale.SIMPLIFIED_CHINESE, I18n.localeProperty().get());
    model.chooseLanguage(Locale.ENGLISH);
    assertEquals(Locale.ENGLISH, I18n.localeProperty().get());
    assertEquals("en", stored.get(stored.size() - 1).language());
  }

  @Test
  void zoomStepsAreAppliedAndStoredAndStopAtTheLimits() {
    ShellViewModel model = model(Settings.defaults(HOME), Locale.ENGLISH);
    model.zoomIn();
    model.zoomIn();
    assertEquals(125, Appearance.zoomPercent());
    for (int i = 0; i < 10; i++) {
      model.zoomIn();
    }
    assertEquals(200, model.settings().zoomPercent());
    model.zoomOut();
    assertEquals(175, Appearance.zoomPercent());
    model.resetZoom();
    assertEquals(100, Appearance.zoomPercent());
    assertEquals(List.of(110, 125, 150, 175, 200, 175, 100),
        stored.stream().map(Settings::zoomPercent).toList(), "every change stored once, no-ops not at all");
  }

  @Test
  void theInitialZoomIsAppliedAtOnce() {
    model(Settings.defaults(HOME).withZoomPercent(150), Locale.ENGLISH);
    assertEquals(150, Appearance.zoomPercent());
    assertTrue(stored.isEmpty(), "loading is not a change");
  }

  @Test
  void aNewDeviceOrFolderNeedsARestartButLanguageAndZoomDoNot() {
    Settings initial = Settings.defaults(HOME);
    ShellViewModel model = model(initial, Locale.ENGLISH);
    model.apply(initial.withZoomPercent(150).withLanguage(Locale.SIMPLIFIED_CHINESE));
    assertFalse(model.restartNeededProperty().get());
    assertEquals(Locale.SIMPLIFIED_CHINESE, I18n.localeProperty().get());
    model.apply(model.settings().withDevice(PreferredDevice.GPU));
    assertTrue(model.restartNeededProperty().get());
    model.apply(model.settings().withDevice(PreferredDevice.CPU));
    assertFalse(model.restartNeededProperty().get(), "back to what is running");
    model.apply(model.settings().withWorkspaceFolder(Path.of("/data/class")));
    assertTrue(model.restartNeededProperty().get());
  }

  @Test
  void theDialogDoesNotOverwriteTheWindowPlace() {
    WindowBounds place = new WindowBounds(10, 20, 900, 700, false);
    ShellViewModel model = model(Settings.defaults(HOME).withWindow(place), Locale.ENGLISH);
    model.apply(Settings.defaults(HOME).withZoomPercent(110));
    assertEquals(place, model.settings().window());
    WindowBounds moved = new WindowBounds(30, 40, 1000, 760, true);
    model.rememberWindow(moved);
    assertEquals(moved, stored.get(stored.size() - 1).window());
  }

  @Test
  void explainsWhenTheBackendInUseIsNotThePreferredDevice() {
    ShellViewModel cpuPreferred = model(Settings.defaults(HOME), Locale.ENGLISH);
    assertEquals(Optional.empty(), cpuPreferred.deviceNoteKey(CPU));
    assertEquals(Optional.of("shell.status.cpuNotInUse"), cpuPreferred.deviceNoteKey(GPU));
    ShellViewModel gpuPreferred = model(Settings.defaults(HOME).withDevice(PreferredDevice.GPU), Locale.ENGLISH);
    assertEquals(Optional.of("shell.status.gpuNotInUse"), gpuPreferred.deviceNoteKey(CPU));
    assertEquals(Optional.empty(), gpuPreferred.deviceNoteKey(GPU));
  }

  @Test
  void preferringTheCpuOnAGpuRunRestartsWithTheCpuBackendFirst() {
    Settings initial = Settings.defaults(HOME).withDevice(PreferredDevice.CPU);
    ShellViewModel model = model(initial, Locale.ENGLISH);
    DeviceChoice.Switch change = model.deviceSwitch(new DeviceChoice(true, DeviceChoice.Device.GPU, false));
    assertTrue(change.relaunch());
    assertEquals("100", change.environment().get("BACKEND_PRIORITY_CPU"));
    assertEquals("0", change.environment().get("BACKEND_PRIORITY_GPU"));
  }

  @Test
  void preferringTheGpuInACpuOnlyBuildExplainsInsteadOfRestarting() {
    ShellViewModel model = model(Settings.defaults(HOME), Locale.ENGLISH);
    model.apply(model.settings().withDevice(PreferredDevice.GPU));
    DeviceChoice.Switch change = model.deviceSwitch(new DeviceChoice(false, DeviceChoice.Device.CPU, false));
    assertFalse(change.relaunch());
    assertEquals("train.device.noCudaBuild", change.messageKey());
    assertFalse(model.workspaceFolderChanged());
    model.apply(model.settings().withWorkspaceFolder(HOME.resolve("elsewhere")));
    assertTrue(model.workspaceFolderChanged(), "a new folder still takes a restart");
  }
}
