package org.tensorworkbench.engine.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes files so that a crash leaves either the old file or the new one, never half of one. */
public final class AtomicFiles {
  private AtomicFiles() {}

  public static void writeString(Path target, String content) throws IOException {
    write(target, content.getBytes(StandardCharsets.UTF_8));
  }

  public static void write(Path target, byte[] content) throws IOException {
    write(target, out -> out.write(content));
  }

  /** Streams the content into a temp file beside the target, then renames it: for big files. */
  public static void write(Path target, ContentWriter writer) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
        writer.writeTo(out);
      }
      keepOrDefaultPermissions(temp, target);
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Copies a file that cannot be parsed to {@code <name>.corrupt} beside it, so nothing a person
   * wrote is lost when the app starts afresh; the copy, or empty when it could not be made.
   */
  public static java.util.Optional<Path> keepCorruptCopy(Path file) {
    Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
    try {
      Files.copy(file, aside, StandardCopyOption.REPLACE_EXISTING);
      return java.util.Optional.of(aside);
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * A temp file is created owner-only (rw-------); the file it replaces keeps its permissions and
   * a new file gets the usual rw-r--r--, so a saved model or network can be shared like any file.
   */
  private static void keepOrDefaultPermissions(Path temp, Path target) throws IOException {
    if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return;
    }
    Set<PosixFilePermission> permissions = Files.exists(target)
        ? Files.getPosixFilePermissions(target)
        : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(temp, permissions);
  }

  /** Writes a file's content to a stream. */
  @FunctionalInterface
  public interface ContentWriter {
    void writeTo(OutputStream out) throws IOException;
  }
}
