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
import java.nio.file.LinkOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes files and whole folders so that a crash leaves either the old version or the new one,
 * never half of one.
 *
 * <p>A file is written into a temp file beside it, then renamed over it. A folder (a training
 * run's) is written into a fresh hidden sibling from {@link #stageFolder}, then
 * {@link #replaceFolder} moves the old version aside, renames the new one into place and deletes
 * the old one. Java cannot swap two folders in one step, so for the instant between those two
 * renames the old version exists only as {@code .<name>.old}; the next {@link #stageFolder} of
 * the same target (the next run) moves it back if the new one never arrived, and deletes staging
 * folders and temp files that killed runs left.
 */
public final class AtomicFiles {
  private static final String OLD_SUFFIX = ".old";
  private static final String STAGING_INFIX = ".staging-";
  /** Temp files older than this are leftovers of killed writers, not files being written. */
  private static final Duration STALE = Duration.ofHours(1);
  private static volatile Path failingFolder;
  private static volatile String failure;
  static volatile Runnable beforeFolderRename = () -> { };

  private AtomicFiles() {}

  /**
   * For fault-injection tests: every write to a path starting with {@code prefix} (a folder, or
   * the start of a name such as {@code /runs/.run.staging-}) fails with an IOException saying
   * {@code message}, as on a full or read-only disk (chmod cannot make a folder read-only for
   * root, and tests run as root in CI). {@code null} ends it.
   */
  public static void simulateFailureUnder(Path prefix, String message) {
    failure = message;
    failingFolder = prefix == null ? null : prefix.toAbsolutePath().normalize();
  }

  private static void checkNoSimulatedFailure(Path path) throws IOException {
    Path prefix = failingFolder;
    if (prefix != null && path.toAbsolutePath().normalize().toString().startsWith(prefix.toString())) {
      throw new IOException(path + ": " + failure);
    }
  }

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
    deleteStaleTempFiles(dir, "." + target.getFileName());
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      checkNoSimulatedFailure(temp);
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
   * A fresh, empty, hidden folder beside {@code target} ({@code .<name>.staging-<random>}) to
   * write a complete new version of it into, for {@link #replaceFolder}. First repairs what a
   * killed run left: an old version moved aside but never replaced is moved back, and stale
   * staging folders of the same target are deleted. Fails, before any work is done, if the
   * folder cannot be written.
   */
  public static Path stageFolder(Path target) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    Files.createDirectories(parent);
    Path aside = parent.resolve("." + abs.getFileName() + OLD_SUFFIX);
    if (Files.isDirectory(aside)) {
      if (Files.exists(abs)) {
        deleteTree(aside);
      } else {
        Files.move(aside, abs, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    String prefix = "." + abs.getFileName() + STAGING_INFIX;
    try (Stream<Path> siblings = Files.list(parent)) {
      for (Path stale : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
        deleteTree(stale);
      }
    }
    checkNoSimulatedFailure(parent);
    Path staged = Files.createTempDirectory(parent, prefix);
    if (Files.getFileStore(staged).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(staged, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return staged;
  }

  /**
   * Puts the folder {@code staged} (from {@link #stageFolder}) in the place of {@code target}:
   * the old version is moved aside, the new one renamed into place, the old one deleted.
   */
  public static void replaceFolder(Path staged, Path target) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Path aside = abs.resolveSibling("." + abs.getFileName() + OLD_SUFFIX);
    checkNoSimulatedFailure(abs);
    if (Files.exists(abs)) {
      deleteTree(aside);
      Files.move(abs, aside, StandardCopyOption.ATOMIC_MOVE);
    }
    beforeFolderRename.run();
    Files.move(staged, abs, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(aside);
  }

  /**
   * Deletes the staging folders in {@code parent} ({@code .<name>.staging-<random>}, from
   * {@link #stageFolder}) that nothing has written to for {@code idle}: what writers killed while
   * writing a run of their own unique name left behind (the next {@link #stageFolder} of the same
   * name would clean it, but a new run has a new name). A folder is idle when neither it nor
   * anything in it was modified for that long; a writer still at work is younger than that. The
   * number of folders deleted; a folder that cannot be read or deleted is left as it is.
   */
  public static int deleteAbandonedStagingFolders(Path parent, Duration idle) {
    Instant before = Instant.now().minus(idle);
    int deleted = 0;
    try (Stream<Path> siblings = Files.list(parent)) {
      for (Path p : siblings.filter(AtomicFiles::isStagingFolder).toList()) {
        try {
          if (lastModified(p).isBefore(before)) {
            deleteTree(p);
            deleted++;
          }
        } catch (IOException | java.io.UncheckedIOException e) {
          // left for the next look: a leftover does no harm to the runs beside it
        }
      }
    } catch (IOException e) {
      return deleted;
    }
    return deleted;
  }

  /**
   * Marks a staging folder as in use (its modification time now), so that a long writer that
   * writes nothing into it for a while is not taken for an abandoned one.
   */
  public static void markInUse(Path stagingFolder) {
    try {
      Files.setLastModifiedTime(stagingFolder, java.nio.file.attribute.FileTime.from(Instant.now()));
    } catch (IOException e) {
      // the folder is written at the end anyway; only its protection from the clean-up is weaker
    }
  }

  private static boolean isStagingFolder(Path p) {
    String name = p.getFileName().toString();
    return name.startsWith(".") && name.contains(STAGING_INFIX) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
  }

  /** The newest modification time of {@code folder} and everything in it. */
  private static Instant lastModified(Path folder) throws IOException {
    try (Stream<Path> all = Files.walk(folder)) {
      Instant newest = Instant.MIN;
      for (Path p : all.toList()) {
        Instant t = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant();
        newest = t.isAfter(newest) ? t : newest;
      }
      return newest;
    }
  }

  /** Deletes a folder with everything in it (or a file); nothing if it does not exist. */
  public static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  // temp files of the same target left by a writer killed more than an hour ago
  private static void deleteStaleTempFiles(Path dir, String prefix) {
    Instant before = Instant.now().minus(STALE);
    try (Stream<Path> siblings = Files.list(dir)) {
      for (Path p : siblings.filter(f -> f.getFileName().toString().startsWith(prefix)
          && f.getFileName().toString().endsWith(".tmp")).toList()) {
        if (Files.getLastModifiedTime(p).toInstant().isBefore(before)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      // a leftover that cannot be listed or deleted does no harm to this write
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
