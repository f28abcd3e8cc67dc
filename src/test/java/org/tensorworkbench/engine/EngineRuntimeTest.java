package org.tensorworkbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EngineRuntimeTest {

  @Test
  void startsTheOneDnnCpuBackendExactlyOnce() {
    BackendInfo info = EngineRuntime.start();
    assertFalse(info.gpu());
    assertEquals("CpuBackend", info.backend());
    assertTrue(info.cores() >= 1);
    assertTrue(info.simd().contains("oneDNN"), "expected the oneDNN build, got " + info.simd());
    assertTrue(info.describe().contains(info.simd()));
    assertEquals(info, EngineRuntime.start(), "a second start returns the same backend");
  }

  @Test
  void onlyOneNativeClassifierIsOnTheClasspath() {
    long natives = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(p -> p.matches(".*nd4j-native-1\\.0\\.0-M2\\.1-.+\\.jar"))
        .count();
    assertEquals(1, natives, "exactly one nd4j-native classifier jar");
  }

  @Test
  void aMissingNativeLibraryIsNamedWithoutTheCachePath() {
    assertEquals("libcuda.so.1: cannot open shared object file: No such file or directory",
        EngineRuntime.withoutLibraryPath("/root/.javacpp/cache/cuda.jar/org/bytedeco/cuda/linux-x86_64/libjnicudart.so: "
            + "libcuda.so.1: cannot open shared object file: No such file or directory"));
    assertEquals("Can't find dependent libraries",
        EngineRuntime.withoutLibraryPath("C:\\x\\jnicudart.dll: Can't find dependent libraries"));
    assertEquals("no backend: none found", EngineRuntime.withoutLibraryPath("no backend: none found"));
  }

  @Test
  void theCpuBuildHasNoGpuBackend() {
    assertFalse(EngineRuntime.gpuBackendInBuild());
  }
}
