package org.tensorworkbench.engine;

import java.util.Locale;
import org.bytedeco.javacpp.Pointer;
import org.tensorworkbench.engine.spec.InferredNetwork;
import org.tensorworkbench.i18n.Messages;

/**
 * The memory an operation will need, estimated before anything is allocated, so that one too
 * large for the machine is refused with the numbers instead of crashing the JVM (an
 * OutOfMemoryError, or a native crash inside ND4J).
 *
 * <p>Training a network keeps, in float32 (4 bytes a value): the parameters and BatchNorm state,
 * one gradient per trainable value, the optimizer's state (0 values per parameter for SGD, 1 for
 * momentum and RMSProp, 2 for Adam and AdamW: the first and second moments, Kingma &amp; Ba
 * 2015), and for the batch every layer's output plus, in the backward pass, a gradient of the
 * same size (the memory accounting of CS231n's "Convolutional Networks" notes). Inference keeps
 * the parameters and one pass of outputs. ND4J keeps tensors outside the Java heap, so they are
 * compared with the physical memory the process may still take; Java arrays with the free heap.
 * All sums are exact and saturate at {@link Long#MAX_VALUE}, never wrap around.
 *
 * @param parameterBytes parameters and non-trainable state
 * @param gradientBytes one gradient per trainable parameter
 * @param optimizerBytes the optimizer's per-parameter state
 * @param activationBytes layer outputs for the batch (and their gradients when training), or a
 *     lab operation's native tensors
 * @param heapBytes Java arrays (e.g. a lab's result copied for display)
 */
public record MemoryEstimate(long parameterBytes, long gradientBytes, long optimizerBytes, long activationBytes,
    long heapBytes) {
  /** Share of the available memory an operation may plan to use; the rest is for ND4J's working buffers and the system. */
  public static final double USABLE_SHARE = 0.8;
  private static final long FLOAT = Float.BYTES;

  /**
   * Training {@code network} (inferred for the batch size) with an optimizer that keeps
   * {@code stateSlots} values per parameter.
   */
  public static MemoryEstimate training(InferredNetwork network, int stateSlots) {
    long trainable = network.parameterCount();
    long state = network.stateCount();
    return new MemoryEstimate(times(plus(trainable, state), FLOAT), times(trainable, FLOAT),
        times(times(trainable, stateSlots), FLOAT), times(network.activationBytes(), 2), 0);
  }

  /** Predicting with {@code network} for its batch size: parameters and one forward pass. */
  public static MemoryEstimate inference(InferredNetwork network) {
    return new MemoryEstimate(times(plus(network.parameterCount(), network.stateCount()), FLOAT), 0, 0,
        network.activationBytes(), 0);
  }

  /** A lab operation: {@code nativeBytes} of ND4J tensors and {@code heapBytes} of Java arrays. */
  public static MemoryEstimate lab(long nativeBytes, long heapBytes) {
    return new MemoryEstimate(0, 0, 0, nativeBytes, heapBytes);
  }

  /** Float32 bytes of a tensor with these dimensions, saturating. */
  public static long floats(long... dims) {
    long n = FLOAT;
    for (long d : dims) {
      n = times(n, d);
    }
    return n;
  }

  /** The sum, saturating at {@link Long#MAX_VALUE}. */
  public static long total(long... parts) {
    long sum = 0;
    for (long part : parts) {
      sum = plus(sum, part);
    }
    return sum;
  }

  /** Bytes of ND4J tensors (outside the Java heap). */
  public long nativeBytes() {
    return plus(plus(parameterBytes, gradientBytes), plus(optimizerBytes, activationBytes));
  }

  /** What the machine has left for this process now. */
  public record Available(long nativeBytes, long heapBytes) {
    /**
     * Native: the smaller of the operating system's available physical memory and JavaCPP's
     * limit on this process's physical memory ({@code Pointer.maxPhysicalBytes()}, checked by
     * JavaCPP against the resident size) minus what the process already uses. Heap: the
     * maximum heap minus the heap in use.
     */
    public static Available now() {
      long maxPhysical = Pointer.maxPhysicalBytes();
      long headroom = maxPhysical > 0 ? maxPhysical - Pointer.physicalBytes() : Long.MAX_VALUE;
      long system = Pointer.availablePhysicalBytes();
      long nativeFree = Math.max(0, Math.min(headroom, system > 0 ? system : Long.MAX_VALUE));
      Runtime rt = Runtime.getRuntime();
      return new Available(nativeFree, rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()));
    }
  }

  /** Whether this fits in {@link #USABLE_SHARE} of what is available. */
  public boolean fits(Available available) {
    return nativeBytes() <= available.nativeBytes() * USABLE_SHARE && heapBytes <= available.heapBytes() * USABLE_SHARE;
  }

  /**
   * Throws {@link NotEnoughMemoryException} naming {@code what}, this estimate and the available
   * memory when it does not fit.
   */
  public void require(String what, Available available) {
    if (!fits(available)) {
      boolean heap = heapBytes > available.heapBytes() * USABLE_SHARE;
      throw new NotEnoughMemoryException(heap ? "engine.memory.heap" : "engine.memory.native", what,
          bytes(heap ? heapBytes : nativeBytes()), bytes(heap ? available.heapBytes() : available.nativeBytes()),
          bytes(parameterBytes), bytes(gradientBytes), bytes(optimizerBytes), bytes(activationBytes));
    }
  }

  /** A byte count as people read it: "1.5 GB", "820 MB", "12 kB" (powers of 1000), or "more than 9.2 EB". */
  public static String bytes(long n) {
    if (n == Long.MAX_VALUE) {
      return Messages.get("engine.memory.beyond");
    }
    String[] units = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
    double v = n;
    int u = 0;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return u == 0 ? n + " B" : String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
  }

  private static long plus(long a, long b) {
    long s = a + b;
    return ((a ^ s) & (b ^ s)) < 0 ? Long.MAX_VALUE : s;
  }

  private static long times(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return (hi == 0 && lo >= 0) ? lo : Long.MAX_VALUE;
  }
}
