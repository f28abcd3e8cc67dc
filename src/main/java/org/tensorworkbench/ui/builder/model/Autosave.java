package org.tensorworkbench.ui.builder.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.tensorworkbench.engine.io.AtomicFiles;
import org.tensorworkbench.engine.spec.NetworkSpecJson;
import org.tensorworkbench.engine.spec.SpecException;

/**
 * Keeps the unsaved design in {@code <workspace>/designs/autosave.json} (plus its layout
 * sidecar, which also remembers the file the design came from). The files exist only while
 * there are unsaved changes: saving or discarding deletes them, so finding them at start-up
 * means the last session ended (crash, kill or exit) with work that was never saved.
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

  /** The autosaved design, if there is one that can be read. */
  public Optional<Recovered> find() {
    if (!Files.isRegularFile(networkFile)) {
      return Optional.empty();
    }
    try {
      Design design = DesignFiles.read(networkFile);
      Optional<Path> source = DesignFiles.readLayoutTree(DesignFiles.layoutFileFor(networkFile))
          .map(t -> t.path("source").asText(""))
          .filter(s -> !s.isEmpty())
          .map(Path::of);
      return Optional.of(new Recovered(design, source));
    } catch (IOException | SpecException e) {
      return Optional.empty();
    }
  }

  public void discard() throws IOException {
    Files.deleteIfExists(networkFile);
    Files.deleteIfExists(DesignFiles.layoutFileFor(networkFile));
  }
}
