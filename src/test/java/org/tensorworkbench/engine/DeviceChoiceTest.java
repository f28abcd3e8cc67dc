package org.tensorworkbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.DeviceChoice.Device;

class DeviceChoiceTest {

  @Test
  void cpuOnlyBuildOffersNoGpu() {
    DeviceChoice c = new DeviceChoice(false, Device.CPU, false);
    assertFalse(c.gpuAvailable());
    assertEquals(Optional.empty(), c.fallbackMessageKey());
    DeviceChoice.Switch s = c.switchTo(Device.GPU);
    assertFalse(s.relaunch());
    assertEquals("train.device.noCudaBuild", s.messageKey());
    assertEquals(new DeviceChoice.Switch(false, Map.of(), null), c.switchTo(Device.CPU));
  }

  @Test
  void runningOnGpuSwitchesToCpuByRelaunchingWithCpuPriority() {
    DeviceChoice c = new DeviceChoice(true, Device.GPU, false);
    assertTrue(c.gpuAvailable());
    DeviceChoice.Switch s = c.switchTo(Device.CPU);
    assertTrue(s.relaunch());
    assertEquals(Map.of("BACKEND_PRIORITY_CPU", "100", "BACKEND_PRIORITY_GPU", "0"), s.environment());
    assertFalse(c.switchTo(Device.GPU).relaunch());
  }

  @Test
  void cpuChosenByEnvironmentCanGoBackToGpu() {
    DeviceChoice c = new DeviceChoice(true, Device.CPU, true);
    assertTrue(c.gpuAvailable());
    assertEquals(Optional.empty(), c.fallbackMessageKey());
    DeviceChoice.Switch s = c.switchTo(Device.GPU);
    assertTrue(s.relaunch());
    assertEquals(Map.of("BACKEND_PRIORITY_GPU", "100", "BACKEND_PRIORITY_CPU", "0"), s.environment());
  }

  @Test
  void unusableGpuFallsBackToCpuWithAnExplanation() {
    DeviceChoice c = new DeviceChoice(true, Device.CPU, false);
    assertFalse(c.gpuAvailable(), "relaunching would only fail the same way");
    assertEquals(Optional.of("train.device.gpuFellBack"), c.fallbackMessageKey());
    assertEquals("train.device.gpuFellBack", c.switchTo(Device.GPU).messageKey());
    assertFalse(c.switchTo(Device.GPU).relaunch());
  }

  @Test
  void thisBuildRunsOnTheCpu() {
    DeviceChoice c = DeviceChoice.of(EngineRuntime.start());
    assertEquals(Device.CPU, c.running());
  }
}
