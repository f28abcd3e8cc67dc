package org.tensorworkbench.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;

/**
 * The one check every command makes before it writes anything, so that one typo cannot destroy
 * a model or a dataset: an output is refused before any work when it
 *
 * <ul>
 *   <li>is one of the command's inputs (the same file by any path),
 *   <li>is a folder where a file is written, or a file where a folder is written,
 *   <li>exists and is of another kind (a file ending in another extension than the one written;
 *       a non-empty folder that is not a run folder),
 *   <li>lies in a folder that does not exist and cannot be created, or cannot be written.
 * </ul>
 * An existing file of the same kind is replaced (atomically, by {@link AtomicFiles}).
 */
public final class OutputPaths {
  private OutputPaths() {}

  /**
   * Checks a file output.
   *
   * @param target the file to write
   * @param extension what the file written is, e.g. ".csv"; an existing file with another ending is not replaced
   * @param inputs the files the command reads (null entries are skipped)
   */
  public static void requireFile(Path target, String extension, Collection<Path> inputs) {
    for (Path input : inputs) {
      if (input != null && same(target, input)) {
        throw new OutputPathException("files.error.outputIsInput", target);
      }
    }
    if (Files.isDirectory(target)) {
      throw new OutputPathException("files.error.outputIsFolder", target);
    }
    if (Files.exists(target) && !target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension)) {
      throw new OutputPathException("files.error.otherKind", target, extension);
    }
    requireWritableParent(target);
  }

  /**
   * Checks a folder output that is replaced as a whole, e.g. a training run's folder: it may not
   * exist yet, be empty, or be a folder of the same kind (holding {@code marker}, e.g. summary.json);
   * it may not contain any input. With {@code marker} null the folder is added to, not replaced,
   * and any existing folder will do.
   */
  public static void requireFolder(Path target, String marker, Collection<Path> inputs) {
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new OutputPathException("files.error.outputIsFile", target);
    }
    Path folder = target.toAbsolutePath().normalize();
    for (Path input : inputs) {
      if (input != null && (same(target, input) || input.toAbsolutePath().normalize().startsWith(folder))) {
        throw new OutputPathException("files.error.folderHoldsInput", target, input);
      }
    }
    if (marker != null && Files.isDirectory(target) && !Files.isRegularFile(target.resolve(marker))
        && !isEmpty(target)) {
      throw new OutputPathException("files.error.notThatKindOfFolder", target, marker);
    }
    requireWritableParent(target);
  }

  private static void requireWritableParent(Path target) {
    Path parent = target.toAbsolutePath().normalize().getParent();
    Path existing = parent;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing)) {
      throw new OutputPathException("files.error.noFolder", parent, existing);
    }
    if (!Files.isWritable(existing)) {
      throw new OutputPathException("files.error.readOnly", existing);
    }
  }

  private static boolean same(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (IOException e) {
      // fall through to comparing the names
    }
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  private static boolean isEmpty(Path folder) {
    try (var entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }
}
