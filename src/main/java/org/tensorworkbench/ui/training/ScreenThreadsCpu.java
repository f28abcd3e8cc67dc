package org.tensorworkbench.ui.training;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the threads that draw the screen, the FX thread (the caller) and Prism's render
 * thread, read at the start and end of a run: what the live screen took from the cores the
 * training shares (see {@link TrainingView#frameTimer()}).
 */
final class ScreenThreadsCpu {
  private static final String RENDER_THREAD = "QuantumRenderer";
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private long fxStart;
  private long renderStart;
  /** The render thread's id once found: looking it up walks every thread's stack. */
  private long renderThread = -1;

  /** Call on the FX thread when a run starts. */
  void start() {
    fxStart = threads.getCurrentThreadCpuTime();
    renderStart = renderCpu();
  }

  /** The FX thread's CPU milliseconds since {@link #start}; call on the FX thread. */
  double fxMillis() {
    return (threads.getCurrentThreadCpuTime() - fxStart) / 1e6;
  }

  /** The render thread's CPU milliseconds since {@link #start} (NaN if it cannot be found). */
  double renderMillis() {
    long now = renderCpu();
    return now < 0 || renderStart < 0 ? Double.NaN : (now - renderStart) / 1e6;
  }

  private long renderCpu() {
    if (renderThread < 0) {
      renderThread = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(RENDER_THREAD))
          .mapToLong(Thread::getId).findFirst().orElse(-1);
    }
    return renderThread < 0 ? -1 : threads.getThreadCpuTime(renderThread);
  }
}
