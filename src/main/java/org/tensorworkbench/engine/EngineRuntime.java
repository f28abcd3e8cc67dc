package org.tensorworkbench.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Starts ND4J once per JVM and reports the backend it chose.
 *
 * <p>The first start unpacks about 400 MB of native libraries into {@code ~/.javacpp/cache}
 * (seconds), so the app calls {@link #start()} off the FX thread. ND4J fixes its backend for the
 * life of the JVM: choosing the other device means relaunching, and a build carries either the
 * CPU backend or (with {@code mvn -Pcuda}) the CUDA one.
 */
public final class EngineRuntime {
  private static final String CUDA_BACKEND = "org/nd4j/linalg/jcublas/JCublasBackend.class";

  private static BackendInfo info;
  private static EngineStartException failure;
  private static String gpuProblem;

  private EngineRuntime() {}

  /**
   * Loads ND4J (idempotent, thread-safe) and returns what it runs on.
   *
   * @throws EngineStartException if no backend could start; later calls throw the same one,
   *     since the JVM cannot retry a failed native initialisation
   */
  public static synchronized BackendInfo start() {
    if (info == null && failure == null) {
      try {
        info = probe();
      } catch (RuntimeException | LinkageError e) {
        failure = explain(e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return info;
  }

  /** Whether this build carries the CUDA backend (checked without loading it). */
  public static boolean gpuBackendInBuild() {
    return EngineRuntime.class.getClassLoader().getResource(CUDA_BACKEND) != null;
  }

  private static BackendInfo probe() {
    if (gpuBackendInBuild()) {
      try {
        loadCudaRuntime();
      } catch (RuntimeException | LinkageError e) {
        // the GPU build also carries the CPU backend, which ND4J falls back to on its own
        gpuProblem = rootMessage(e);
      }
    }
    NativeAllocator.keepLargeBlocks();
    Nd4j.create(1); // forces the backend and its native libraries to load
    Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
    String backend = Nd4j.getBackend().getClass().getSimpleName();
    boolean gpu = !"CpuBackend".equals(backend);
    int cores = Runtime.getRuntime().availableProcessors();
    if (gpu) {
      Map<?, ?> device = firstGpu(env);
      return new BackendInfo(true, backend, gpuName(device), cores, "", "cuBLAS", gpuMemory(device));
    }
    return new BackendInfo(false, backend, "CPU", cores, simdLevel(), blasName(env), Pointer.maxPhysicalBytes());
  }

  /**
   * Loads the CUDA runtime the way ND4J would, but first and on its own: without a GPU, ND4J
   * prints a long stack trace and then only says it found no backend, while this failure names
   * the missing piece (e.g. {@code libcuda.so.1}, the NVIDIA driver). Reflection, because the CPU
   * build has no CUDA classes.
   */
  private static void loadCudaRuntime() {
    try {
      Class.forName("org.bytedeco.cuda.global.cudart", true, EngineRuntime.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the CUDA presets are missing from the GPU build", e);
    }
  }

  private static EngineStartException explain(Throwable e) {
    String detail = rootMessage(e);
    return gpuBackendInBuild()
        ? new EngineStartException("engine.backend.gpuFailed", e, detail)
        : new EngineStartException("engine.backend.failed", e, detail);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : withoutLibraryPath(root.getMessage());
  }

  /**
   * Why the GPU build started on the CPU: the CUDA runtime could not be loaded (e.g.
   * "libcuda.so.1: cannot open shared object file", no NVIDIA driver). Empty when the GPU works
   * or the build has no GPU backend.
   */
  public static synchronized Optional<String> gpuProblem() {
    return Optional.ofNullable(gpuProblem);
  }

  /**
   * "/home/x/.javacpp/cache/.../libjnicudart.so: libcuda.so.1: cannot open shared object file"
   * becomes "libcuda.so.1: cannot open shared object file": the missing library is what matters.
   */
  static String withoutLibraryPath(String message) {
    boolean startsWithPath = message.startsWith("/") || message.matches("^[A-Za-z]:\\\\.*");
    int colon = message.indexOf(": ");
    return startsWithPath && colon > 0 ? message.substring(colon + 2) : message;
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
    // ND4J reports the vendor in capitals, e.g. OPENBLAS or MKL
    Object vendor = env.get("blas.vendor");
    return vendor == null || "OPENBLAS".equalsIgnoreCase(vendor.toString()) ? "OpenBLAS" : vendor.toString();
  }

  /** The first entry of ND4J's {@code cuda.devicesInformation}: name, memory, compute capability. */
  private static Map<?, ?> firstGpu(Properties env) {
    if (env.get("cuda.devicesInformation") instanceof List<?> list && !list.isEmpty()
        && list.get(0) instanceof Map<?, ?> device) {
      return device;
    }
    return Map.of();
  }

  private static String gpuName(Map<?, ?> device) {
    Object name = device.get("cuda.deviceName");
    return name == null ? "CUDA" : name.toString();
  }

  private static long gpuMemory(Map<?, ?> device) {
    return device.get("cuda.totalMemory") instanceof Number n ? n.longValue() : 0;
  }
}
