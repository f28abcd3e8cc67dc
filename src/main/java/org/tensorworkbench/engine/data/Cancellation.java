package org.tensorworkbench.engine.data;

import java.io.Closeable;
import java.io.IOException;

/**
 * Lets another thread stop a download: {@link #cancel()} sets a flag checked between chunks and
 * closes the stream being read, so even a stalled connection returns at once.
 */
public final class Cancellation {
  private volatile boolean cancelled;
  private volatile Closeable current;

  /** Stops the download as soon as possible; its partial file is deleted. */
  public void cancel() {
    cancelled = true;
    Closeable c = current;
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // the reader sees the flag next
      }
    }
  }

  public boolean isCancelled() {
    return cancelled;
  }

  void reading(Closeable stream) {
    current = stream;
    if (cancelled) {
      cancel();
    }
  }
}
