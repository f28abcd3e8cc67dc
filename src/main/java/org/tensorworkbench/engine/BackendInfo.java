package org.tensorworkbench.engine;

import org.tensorworkbench.i18n.Messages;

/**
 * What the compute engine really runs on, read from ND4J after it started: shown in the status
 * bar so a teacher can see whether the fast native build (or the GPU) is in use.
 *
 * @param gpu whether the CUDA backend is active
 * @param backend ND4J's backend class name, e.g. {@code CpuBackend}
 * @param device the GPU's name, or the CPU's description
 * @param cores processor cores the JVM sees
 * @param simd the vector instruction level the native library was built for (e.g. AVX2)
 * @param blas the BLAS library in use (e.g. OpenBLAS)
 * @param deviceMemoryBytes total memory of the GPU, or the maximum off-heap bytes for the CPU
 */
public record BackendInfo(
    boolean gpu,
    String backend,
    String device,
    int cores,
    String simd,
    String blas,
    long deviceMemoryBytes) {

  /** One line for the status bar and {@code info}, in the current language. */
  public String describe() {
    double gib = deviceMemoryBytes / (1024.0 * 1024 * 1024);
    return gpu
        ? Messages.get("engine.backend.gpu", device, gib)
        : Messages.get("engine.backend.cpu", cores, simd, blas);
  }
}
