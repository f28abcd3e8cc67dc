package org.tensorworkbench.engine.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 of a whole file kept in the file's own last 64 bytes, as lower-case hex: the seal
 * covers every byte before it, so one flipped or missing byte anywhere (a zip header, a time
 * stamp, the seal itself) is found, not only changes to the content a reader looks at.
 *
 * <p>A writer ends its file with {@link #PLACEHOLDER} (for a zip: as the archive comment, which
 * is the last thing in the file) and writes through {@link #sealing}, which hashes everything
 * but the last 64 bytes and replaces the placeholder by the hash when closed.
 */
final class FileSeal {
  /** Hex digits of a SHA-256. */
  static final int LENGTH = 64;
  /** What the writer puts where the seal goes: 64 zeros. */
  static final String PLACEHOLDER = "0".repeat(LENGTH);

  private FileSeal() {}

  /** A stream that passes bytes on and, at close, replaces the last 64 by the seal of the rest. */
  static OutputStream sealing(OutputStream out) {
    return new Sealing(out);
  }

  /** Whether the file ends in 64 lower-case hex digits (it may be sealed; {@link #holds} tells). */
  static boolean looksSealed(Path file) throws IOException {
    return tail(file) != null;
  }

  /** Whether the file's last 64 bytes are the SHA-256 of all bytes before them. */
  static boolean holds(Path file) throws IOException {
    String tail = tail(file);
    if (tail == null) {
      return false;
    }
    MessageDigest digest = sha256();
    long remaining = Files.size(file) - LENGTH;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      while (remaining > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        if (n < 0) {
          return false;
        }
        digest.update(buffer, 0, n);
        remaining -= n;
      }
    }
    return HexFormat.of().formatHex(digest.digest()).equals(tail);
  }

  private static String tail(Path file) throws IOException {
    long size = Files.size(file);
    if (size < LENGTH) {
      return null;
    }
    byte[] last = new byte[LENGTH];
    try (var channel = Files.newByteChannel(file)) {
      channel.position(size - LENGTH);
      var buffer = java.nio.ByteBuffer.wrap(last);
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // read until full
      }
    }
    String text = new String(last, StandardCharsets.ISO_8859_1);
    return text.matches("[0-9a-f]{64}") ? text : null;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Holds back the last 64 bytes written; everything before them is hashed and passed on. */
  private static final class Sealing extends FilterOutputStream {
    private final MessageDigest digest = sha256();
    private final byte[] held = new byte[LENGTH];
    private int heldCount;

    Sealing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len >= LENGTH) {
        pass(held, 0, heldCount);
        pass(b, off, len - LENGTH);
        System.arraycopy(b, off + len - LENGTH, held, 0, LENGTH);
        heldCount = LENGTH;
        return;
      }
      int overflow = heldCount + len - LENGTH;
      if (overflow > 0) {
        pass(held, 0, overflow);
        System.arraycopy(held, overflow, held, 0, heldCount - overflow);
        heldCount -= overflow;
      }
      System.arraycopy(b, off, held, heldCount, len);
      heldCount += len;
    }

    private void pass(byte[] b, int off, int len) throws IOException {
      if (len > 0) {
        digest.update(b, off, len);
        out.write(b, off, len);
      }
    }

    @Override
    public void close() throws IOException {
      if (heldCount != LENGTH || !PLACEHOLDER.equals(new String(held, StandardCharsets.ISO_8859_1))) {
        throw new IOException("the sealed content must end with the seal placeholder");
      }
      out.write(HexFormat.of().formatHex(digest.digest()).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }
  }
}
