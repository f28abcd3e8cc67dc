package org.tensorworkbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The window's threads get a lower priority by name, and only they (Linux: nice from /proc). */
class ScreenThreadsNicenessTest {

  @Test
  void lowersTheNamedThreadsOnly() throws Exception {
    assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"));
    CountDownLatch end = new CountDownLatch(1);
    AtomicLong drawingTid = new AtomicLong();
    AtomicLong otherTid = new AtomicLong();
    CountDownLatch started = new CountDownLatch(2);
    Thread drawing = new Thread(() -> waitThere(drawingTid, started, end), "screen-test-drawing");
    Thread other = new Thread(() -> waitThere(otherTid, started, end), "screen-test-other");
    drawing.start();
    other.start();
    started.await();
    try {
      int before = nice(otherTid.get()); // 0, unless the tests themselves run niced
      int lower = Math.min(19, before + 3);
      assertEquals(before, nice(drawingTid.get()));
      // Linux keeps 15 bytes of a thread name
      assertEquals(1, ScreenThreadsNiceness.lower(List.of("screen-test-dr"), lower));
      assertEquals(lower, nice(drawingTid.get()));
      assertEquals(before, nice(otherTid.get()));
    } finally {
      end.countDown();
      drawing.join();
      other.join();
    }
  }

  /** Records the calling thread's Linux id (the /proc/thread-self link), then waits. */
  private static void waitThere(AtomicLong tid, CountDownLatch started, CountDownLatch end) {
    try {
      tid.set(Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString()));
      started.countDown();
      end.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Field 19 of /proc/self/task/TID/stat, after the command name in parentheses. */
  private static int nice(long tid) throws Exception {
    String stat = Files.readString(Path.of("/proc/self/task/" + tid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(fields[16]);
  }
}
