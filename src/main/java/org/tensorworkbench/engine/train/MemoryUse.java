package org.tensorworkbench.engine.train;

import org.bytedeco.javacpp.Pointer;

/**
 * How much memory the process uses right now, for the Training screen's memory tile: ND4J keeps
 * its tensors outside the Java heap, so the heap alone would hide most of it.
 *
 * @param heapBytes Java heap in use
 * @param physicalBytes the whole process's resident memory (heap, native tensors, libraries), as
 *     JavaCPP reads it from the operating system
 */
public record MemoryUse(long heapBytes, long physicalBytes) {

  /** Measures now; cheap (one read of the process's statistics). */
  public static MemoryUse now() {
    Runtime rt = Runtime.getRuntime();
    return new MemoryUse(rt.totalMemory() - rt.freeMemory(), Pointer.physicalBytes());
  }
}
