package org.tensorworkbench.engine;

import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Starts ND4J once per JVM and reports the backend it chose.
 *
 * <p>The first start unpacks about 400 MB of native libraries into {@code ~/.javacpp/cache}
 * (seconds), so the app calls {@link #start()} off the FX thread. ND4J fixes its backend for the
 * life of the JVM: choosing the other device means relaunching.
 */
public final class EngineRuntime {
  private static volatile BackendInfo info;

  private EngineRuntime() {}

  /** Loads ND4J (idempotent, thread-safe) and returns what it runs on. */
  public static synchronized BackendInfo start() {
    if (info == null) {
      info = probe();
    }
    return info;
  }

  private static BackendInfo probe() {
    Nd4j.create(1); // forces the backend and its native libraries to load
    Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
    String backend = Nd4j.getBackend().getClass().getSimpleName();
    boolean gpu = !"CpuBackend".equals(backend);
    int cores = Runtime.getRuntime().availableProcessors();
    if (gpu) {
      return new BackendInfo(true, backend, gpuName(env), cores, "", "cuBLAS", gpuMemory(env));
    }
    return new BackendInfo(false, backend, "CPU", cores, simdLevel(), blasName(env),
        org.bytedeco.javacpp.Pointer.maxPhysicalBytes());
  }

  private static String simdLevel() {
    // libnd4j reports the instruction set its binary was compiled for: 0 generic, 1 AVX, 2 AVX2, 3 AVX-512
    int level = NativeOpsHolder.getInstance().getDeviceNativeOps().binaryLevel();
    String simd = switch (level) {
      case 1 -> "AVX";
      case 2 -> "AVX2";
      case 3 -> "AVX-512";
      default -> "generic x86-64";
    };
    // the build information lists the optional helper libraries compiled in, e.g. HAVE_ONEDNN
    String build = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
    boolean onednn = build != null && build.contains("HAVE_ONEDNN") && Nd4j.getEnvironment().helpersAllowed();
    return onednn ? simd + " + oneDNN" : simd;
  }

  private static String blasName(Properties env) {
    Object vendor = env.get("blas.vendor");
    return vendor == null ? "OpenBLAS" : vendor.toString();
  }

  @SuppressWarnings("unchecked")
  private static String gpuName(Properties env) {
    Object devices = env.get("cuda.devicesInformation");
    if (devices instanceof java.util.List<?> list && !list.isEmpty()
        && list.get(0) instanceof java.util.Map<?, ?> m) {
      return String.valueOf(((java.util.Map<String, Object>) m).get("cuda.deviceName"));
    }
    return "CUDA";
  }

  @SuppressWarnings("unchecked")
  private static long gpuMemory(Properties env) {
    Object devices = env.get("cuda.devicesInformation");
    if (devices instanceof java.util.List<?> list && !list.isEmpty()
        && list.get(0) instanceof java.util.Map<?, ?> m) {
      Object total = ((java.util.Map<String, Object>) m).get("cuda.totalMemory");
      return total instanceof Number n ? n.longValue() : 0;
    }
    return 0;
  }
}
