package org.tensorworkbench.engine;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the C allocator from handing large blocks back to the operating system after every use.
 *
 * <p>Each convolution backward pass makes oneDNN allocate and free padded copies of the
 * activations (LeNet's first layer: 256×6×28×28 floats, about 5 MB, four times an iteration).
 * glibc serves blocks that large with {@code mmap} and returns them with {@code munmap}, so every
 * iteration faulted about 20 MB of fresh pages in: 1.2 million minor page faults and 12 s of
 * system time in one LeNet epoch on Fashion-MNIST. With the thresholds below, glibc keeps freed
 * blocks up to {@value #MMAP_THRESHOLD_BYTES} bytes in its heap and reuses them: 0.34 million
 * faults, 3.5 s of system time, and the epoch took 23 s instead of 36–40 s on the 2-core machine
 * the project is measured on (see README, "Training from the command line"). The memory is
 * reused, not grown: resident memory stays flat from epoch to epoch.
 *
 * <p>A training thread does not allocate from glibc's main heap but from an arena of its own,
 * made of separately mapped heaps of up to 64 MiB, and glibc unmaps such a heap as soon as it is
 * entirely free, whatever the trim threshold, unless the heap's spare room plus the freed space
 * stays below {@code M_TOP_PAD} (glibc 2.36, {@code heap_trim}). LeNet's backward pass frees all
 * its oneDNN work arrays at the end of each convolution, so every minibatch mapped a fresh heap
 * and faulted its pages in again: 400–570 page faults per minibatch in the second convolution's
 * backward pass, up to 260 in the first one's forward pass, at about 10 µs each on the project's
 * virtual machine. With a top pad of {@value #TOP_PAD_BYTES} bytes (one heap's worth) the heaps
 * stay mapped and are reused: the faults drop to 290–390 and about 15, and a LeNet minibatch took
 * 30–31 ms of the training thread's CPU time in two of three runs alternating with the code before
 * (37 in the third; before, 32–36 ms); LeNet's first epoch in {@code bench} ran at 9,920 images/s against 8,930 (medians of
 * three alternating runs). The pad is mostly address space reserved ahead; the heaps kept mapped
 * raised the largest resident size of a 3-epoch LeNet run on 10,000 images from 481 to 493 MB.
 *
 * <p>Only glibc has {@code mallopt} with these parameters; on other systems this does nothing.
 */
public final class NativeAllocator {
  private static final Logger LOG = LoggerFactory.getLogger(NativeAllocator.class);
  /** glibc's {@code M_TRIM_THRESHOLD}: free heap top kept before it is returned to the system. */
  private static final int M_TRIM_THRESHOLD = -1;
  /** glibc's {@code M_MMAP_THRESHOLD}: blocks at least this large get their own mapping. */
  private static final int M_MMAP_THRESHOLD = -3;
  /** glibc's {@code M_TOP_PAD}: extra room kept (and asked for) at the top of a heap. */
  private static final int M_TOP_PAD = -2;
  static final int MMAP_THRESHOLD_BYTES = 32 << 20;
  static final int TOP_PAD_BYTES = 64 << 20;
  static final int TRIM_THRESHOLD_BYTES = 512 << 20;

  private static Boolean tuned;

  private NativeAllocator() {}

  /**
   * Sets glibc's thresholds once per JVM, before ND4J allocates; returns whether the allocator now
   * keeps large blocks (false off Linux or without glibc).
   */
  public static synchronized boolean keepLargeBlocks() {
    if (tuned == null) {
      tuned = isLinux() && setGlibcThresholds();
    }
    return tuned;
  }

  private static boolean isLinux() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
  }

  private static boolean setGlibcThresholds() {
    try {
      Function mallopt = NativeLibrary.getInstance("c").getFunction("mallopt");
      boolean ok = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES}) == 1
          && mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES}) == 1
          && mallopt.invokeInt(new Object[] {M_TOP_PAD, TOP_PAD_BYTES}) == 1;
      LOG.debug("glibc keeps freed blocks up to {} bytes and emptied heaps for reuse: {}", MMAP_THRESHOLD_BYTES, ok);
      return ok;
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      LOG.debug("no glibc mallopt, allocator left as it is: {}", e.toString());
      return false;
    }
  }
}
