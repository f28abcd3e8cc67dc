package org.tensorworkbench.engine.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the regular files of a POSIX (ustar) tar stream one after the other, without
 * extracting them to disk: each entry is a 512-byte header (name at 0, octal size at 124, type
 * at 156) followed by the content padded to 512 bytes; two zero blocks end the archive.
 */
final class TarGzReader {
  private static final int BLOCK = 512;

  private final InputStream in;
  private long remaining;
  private long padding;

  TarGzReader(InputStream in) {
    this.in = in;
  }

  /** A regular file of the archive: its path inside it and its size. */
  record Entry(String name, long size) {}

  /** Skips to the next regular file and returns it, or {@code null} at the end of the archive. */
  Entry next() throws IOException {
    skipFully(remaining + padding);
    byte[] header = new byte[BLOCK];
    while (true) {
      if (in.readNBytes(header, 0, BLOCK) < BLOCK) {
        throw new EOFException("tar header cut short");
      }
      if (isZero(header)) {
        return null;
      }
      String name = text(header, 0, 100);
      String prefix = text(header, 345, 155);
      long size = Long.parseLong(text(header, 124, 12).isEmpty() ? "0" : text(header, 124, 12), 8);
      char type = (char) header[156];
      long pad = (BLOCK - size % BLOCK) % BLOCK;
      if (type == '0' || type == 0) {
        remaining = size;
        padding = pad;
        return new Entry(prefix.isEmpty() ? name : prefix + "/" + name, size);
      }
      skipFully(size + pad);
    }
  }

  /** Reads exactly {@code buffer.length} bytes of the current entry. */
  void readFully(byte[] buffer) throws IOException {
    if (buffer.length > remaining || in.readNBytes(buffer, 0, buffer.length) < buffer.length) {
      throw new EOFException("tar entry cut short");
    }
    remaining -= buffer.length;
  }

  private void skipFully(long n) throws IOException {
    long left = n;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("tar entry cut short");
        }
        skipped = 1;
      }
      left -= skipped;
    }
    remaining = 0;
    padding = 0;
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.US_ASCII).trim();
  }
}
