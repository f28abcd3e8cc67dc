package org.tensorworkbench.ui.builder.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.tensorworkbench.engine.io.AtomicFiles;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.NetworkSpecJson;

/**
 * Reads and writes designs, complete or not. The network goes into the engine's own JSON format unchanged, so
 * the file trains from the command line and opens in any build; where each node is drawn goes
 * into a sidecar {@code <name>.layout.json} beside it ({@code {"positions": {"conv1": [x, y]}}}).
 * A missing, unreadable or partial sidecar is not an error: the nodes it does not place are
 * laid out automatically. Both files are written atomically (temp file, then rename).
 */
public final class DesignFiles {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DesignFiles() {}

  /**
   * Reads a network file and its layout sidecar, leniently: any design the canvas can hold
   * comes back as it was saved, unconnected layers, a missing output and shape errors included
   * (the builder shows them; compiling and training still validate strictly).
   *
   * @throws org.tensorworkbench.engine.spec.SpecException if the file is not a network in the engine's format
   */
  public static Design read(Path networkFile) throws IOException {
    NetworkSpec spec = NetworkSpecJson.readDraft(networkFile);
    return withLayout(spec, readLayout(layoutFileFor(networkFile)));
  }

  public static void write(Design design, Path networkFile) throws IOException {
    AtomicFiles.writeString(layoutFileFor(networkFile), layoutJson(design.positions(), Optional.empty()));
    NetworkSpecJson.write(design.spec(), networkFile);
  }

  /** {@code lenet.json -> lenet.layout.json}. */
  public static Path layoutFileFor(Path networkFile) {
    String name = networkFile.getFileName().toString();
    String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return networkFile.resolveSibling(base + ".layout.json");
  }

  /** Positions from {@code saved} where known, the automatic layout for the rest. */
  static Design withLayout(NetworkSpec spec, Map<String, Position> saved) {
    Map<String, Position> positions = new HashMap<>(AutoLayout.positions(spec));
    positions.putAll(saved);
    return new Design(spec, positions);
  }

  static String layoutJson(Map<String, Position> positions, Optional<Path> source) {
    ObjectNode root = MAPPER.createObjectNode();
    source.ifPresent(s -> root.put("source", s.toAbsolutePath().toString()));
    ObjectNode map = root.putObject("positions");
    positions.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> map.putArray(e.getKey()).add(e.getValue().x()).add(e.getValue().y()));
    try {
      return MAPPER.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException("a tree of numbers always serializes", e);
    }
  }

  /** The positions in a sidecar, empty if there is none or it cannot be read. */
  static Map<String, Position> readLayout(Path layoutFile) {
    return readLayoutTree(layoutFile).map(DesignFiles::positionsOf).orElse(Map.of());
  }

  /** The positions in layout JSON text, empty if it cannot be read. */
  static Map<String, Position> parseLayout(String layoutJson) {
    try {
      JsonNode root = MAPPER.readTree(layoutJson);
      return root == null ? Map.of() : positionsOf(root);
    } catch (IOException e) {
      return Map.of();
    }
  }

  static Optional<JsonNode> readLayoutTree(Path layoutFile) {
    if (!Files.isRegularFile(layoutFile)) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(MAPPER.readTree(layoutFile.toFile()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Map<String, Position> positionsOf(JsonNode root) {
    Map<String, Position> positions = new HashMap<>();
    JsonNode map = root.path("positions");
    for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode xy = e.getValue();
      if (xy.isArray() && xy.size() == 2 && xy.get(0).isNumber() && xy.get(1).isNumber()) {
        positions.put(e.getKey(), new Position(xy.get(0).doubleValue(), xy.get(1).doubleValue()));
      }
    }
    return positions;
  }
}
