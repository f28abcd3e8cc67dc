package org.tensorworkbench.engine;

import java.util.Map;
import java.util.Optional;

/**
 * Which device trains, and what it takes to change it.
 *
 * <p>ND4J chooses its backend once per JVM, by priority among the backends on the classpath
 * (CUDA 100, CPU 0), overridable only by the environment variables {@code BACKEND_PRIORITY_GPU}
 * and {@code BACKEND_PRIORITY_CPU} read at start. If the CUDA backend is present but no GPU is
 * usable, ND4J falls back to the CPU by itself. So switching device means relaunching the app
 * with a different environment; this class says when that is needed and with which variables,
 * and explains a fallback. It makes no ND4J call and decides from three facts, so it can be
 * tested without a GPU.
 */
public final class DeviceChoice {
  /** The class of ND4J's CUDA backend, present only in a build made with {@code -Pcuda}. */
  public static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";
  static final String GPU_PRIORITY = "BACKEND_PRIORITY_GPU";
  static final String CPU_PRIORITY = "BACKEND_PRIORITY_CPU";

  /** A compute device. */
  public enum Device { CPU, GPU }

  /**
   * What to do for a requested device.
   *
   * @param relaunch whether the app must restart to get it
   * @param environment the variables to start the new process with (empty if no relaunch)
   * @param messageKey an explanation for the person, in the {@code train} area, or null if the
   *     device is simply in use
   */
  public record Switch(boolean relaunch, Map<String, String> environment, String messageKey) {}

  private final boolean cudaOnClasspath;
  private final Device running;
  private final boolean cpuForced;

  /**
   * @param cudaOnClasspath whether this build contains the CUDA backend
   * @param running the device ND4J actually started on
   * @param cpuForced whether the environment asked for the CPU (BACKEND_PRIORITY_CPU above the GPU's)
   */
  public DeviceChoice(boolean cudaOnClasspath, Device running, boolean cpuForced) {
    this.cudaOnClasspath = cudaOnClasspath;
    this.running = running;
    this.cpuForced = cpuForced;
  }

  /** The facts of this JVM: the classpath, the started backend and the environment. */
  public static DeviceChoice of(BackendInfo info) {
    boolean cuda;
    try {
      Class.forName(CUDA_BACKEND_CLASS, false, DeviceChoice.class.getClassLoader());
      cuda = true;
    } catch (ClassNotFoundException e) {
      cuda = false;
    }
    return new DeviceChoice(cuda, info.gpu() ? Device.GPU : Device.CPU,
        priority(System.getenv(CPU_PRIORITY), 0) > priority(System.getenv(GPU_PRIORITY), 100));
  }

  public Device running() {
    return running;
  }

  /** Whether training on a GPU is possible in this build (it may still need a relaunch). */
  public boolean gpuAvailable() {
    return running == Device.GPU || (cudaOnClasspath && cpuForced);
  }

  /**
   * Why the CPU is in use although the GPU backend is present and was not declined: the GPU or
   * its CUDA libraries were not usable and ND4J fell back. Empty otherwise.
   */
  public Optional<String> fallbackMessageKey() {
    return cudaOnClasspath && running == Device.CPU && !cpuForced
        ? Optional.of("train.device.gpuFellBack") : Optional.empty();
  }

  /** What it takes to train on {@code wanted}. */
  public Switch switchTo(Device wanted) {
    if (wanted == running) {
      return new Switch(false, Map.of(), null);
    }
    if (wanted == Device.CPU) {
      return new Switch(true, Map.of(CPU_PRIORITY, "100", GPU_PRIORITY, "0"), "train.device.relaunchCpu");
    }
    if (!cudaOnClasspath) {
      return new Switch(false, Map.of(), "train.device.noCudaBuild");
    }
    if (!cpuForced) {
      return new Switch(false, Map.of(), "train.device.gpuFellBack");
    }
    return new Switch(true, Map.of(GPU_PRIORITY, "100", CPU_PRIORITY, "0"), "train.device.relaunchGpu");
  }

  private static int priority(String value, int fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
