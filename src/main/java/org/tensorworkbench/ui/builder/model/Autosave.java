package org.tensorworkbench.ui.builder.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.tensorworkbench.engine.io.AtomicFiles;
import org.tensorworkbench.engine.spec.NetworkSpecJson;

/**
 * Keeps the unsaved design in {@code <workspace>/designs/autosave.json} (plus its layout
 * sidecar, which also remembers the file the design came from). The files exist only while
 * there are unsaved changes: saving or discarding deletes them, so finding them at start-up
 * means the last session ended (crash, kill or exit) with work that was never saved.
 *
 * <p>The design is read back with the lenient {@link DesignFiles#read} reader: a design in
 * progress (unconnected layers, no output, shape errors) is restored as it was drawn.
 */
public final class Autosave {
  private final Path networkFile;

  /** A design found at start-up, and the file it was opened from, if any. */
  public record Recovered(Design design, Optional<Path> source) {}

  public Autosave(Path designsFolder) {
    this.networkFile = designsFolder.resolve("autosave.json");
  }

  public void write(Design design, Optional<Path> source) throws IOException {
    AtomicFiles.writeString(DesignFiles.layoutFileFor(networkFile), DesignFiles.layoutJson(design.positions(), source));
    NetworkSpecJson.write(design.spec(), networkFile);
  }

  /**
   * The autosaved design, if there is one that holds work not in its source file: an autosave
   * identical to the file it came from has nothing to restore.
   *
   * @throws IOException if there is an autosave that cannot be read
   * @throws org.tensorworkbench.engine.spec.SpecException if it is not a network file
   */
  public Optional<Recovered> find() throws IOException {
    if (!Files.isRegularFile(networkFile)) {
      return Optional.empty();
    }
    Design design = DesignFiles.read(networkFile);
    Optional<Path> source = DesignFiles.readLayoutTree(DesignFiles.layoutFileFor(networkFile))
        .map(t -> t.path("source").asText(""))
        .filter(s -> !s.isEmpty())
        .map(Path::of);
    if (source.isPresent() && sameAsFile(design, source.get())) {
      return Optional.empty();
    }
    return Optional.of(new Recovered(design, source));
  }

  /**
   * Moves an autosave that cannot be read out of the way, so that the next autosave does not
   * overwrite it: {@code autosave-unreadable-<time>.json} beside it.
   *
   * @return where it is kept now
   */
  public Path keepAside() throws IOException {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path kept = networkFile.resolveSibling("autosave-unreadable-" + stamp + ".json");
    Files.move(networkFile, kept, StandardCopyOption.REPLACE_EXISTING);
    Path layout = DesignFiles.layoutFileFor(networkFile);
    if (Files.isRegularFile(layout)) {
      Files.move(layout, DesignFiles.layoutFileFor(kept), StandardCopyOption.REPLACE_EXISTING);
    }
    return kept;
  }

  public void discard() throws IOException {
    Files.deleteIfExists(networkFile);
    Files.deleteIfExists(DesignFiles.layoutFileFor(networkFile));
  }

  private static boolean sameAsFile(Design design, Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try {
      return DesignFiles.read(file).equals(design);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
