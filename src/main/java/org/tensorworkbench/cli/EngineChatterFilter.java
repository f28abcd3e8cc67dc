package org.tensorworkbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Standard output without SameDiff's debugging lines. ND4J 1.0.0-M2.1 prints "Added
 * differentiated op …" with {@code System.out.println} (not a logger) for every layer when it
 * builds a network's gradient function, which would interleave a dozen lines with the command
 * line's progress. Those lines, and only those, are dropped; everything else passes through
 * unchanged, line by line.
 */
final class EngineChatterFilter extends FilterOutputStream {
  private static final byte[] CHATTER = "Added differentiated op ".getBytes(Charset.defaultCharset());

  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  private EngineChatterFilter(OutputStream out) {
    super(out);
  }

  /** {@code stdout} with the engine's chatter removed. */
  static PrintStream wrap(PrintStream stdout) {
    return new PrintStream(new EngineChatterFilter(stdout), true, Charset.defaultCharset());
  }

  @Override
  public synchronized void write(int b) throws IOException {
    line.write(b);
    if (b == '\n') {
      if (!startsWith(CHATTER)) {
        line.writeTo(out);
      }
      line.reset();
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      write(b[i]);
    }
  }

  /** Passes on a partial line unless it may still become a chatter line. */
  @Override
  public synchronized void flush() throws IOException {
    if (line.size() > 0 && !mayBecomeChatter()) {
      line.writeTo(out);
      line.reset();
    }
    out.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    line.writeTo(out);
    line.reset();
    super.close();
  }

  private boolean startsWith(byte[] prefix) {
    byte[] bytes = line.toByteArray();
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private boolean mayBecomeChatter() {
    byte[] bytes = line.toByteArray();
    int n = Math.min(bytes.length, CHATTER.length);
    for (int i = 0; i < n; i++) {
      if (bytes[i] != CHATTER[i]) {
        return false;
      }
    }
    return true;
  }
}
