package org.tensorworkbench.ui.builder.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.NetworkSpecJson;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.SpecException;

/**
 * A piece of a design on its way through the clipboard: some nodes, the connections among them
 * and where they were drawn. On the clipboard it is the engine's own network JSON (so it can be
 * pasted into a text editor, edited there and pasted back, or into another window) with the
 * positions in the layout sidecar's format beside it.
 *
 * @param spec the copied nodes as a network; inputs from outside the copy are dropped
 * @param positions where each copied node was drawn
 */
public record DesignFragment(NetworkSpec spec, Map<String, Position> positions) {
  public DesignFragment {
    positions = Map.copyOf(positions);
  }

  /** The nodes {@code ids} of {@code design} with the connections between them. */
  public static DesignFragment of(Design design, Set<String> ids) {
    List<NodeSpec> nodes = design.nodes().stream().filter(n -> ids.contains(n.id()))
        .map(n -> new NodeSpec(n.id(), n.layer(), n.inputs().stream().filter(ids::contains).toList()))
        .toList();
    Map<String, Position> positions = new HashMap<>();
    nodes.forEach(n -> positions.put(n.id(), design.position(n.id())));
    return new DesignFragment(NetworkSpec.of(design.spec().name(), nodes), positions);
  }

  /**
   * Reads a fragment from clipboard text: the network JSON, and the layout JSON if there is one.
   * Nodes the layout does not place are laid out top to bottom.
   *
   * @throws SpecException if the text is not a network in the engine's format
   */
  public static DesignFragment parse(String networkJson, String layoutJson) {
    NetworkSpec spec = NetworkSpecJson.readDraft(networkJson);
    Map<String, Position> saved = layoutJson == null ? Map.of() : DesignFiles.parseLayout(layoutJson);
    Design laidOut = DesignFiles.withLayout(spec, saved);
    return new DesignFragment(spec, laidOut.positions());
  }

  public String networkJson() {
    return NetworkSpecJson.write(spec);
  }

  public String layoutJson() {
    return DesignFiles.layoutJson(positions, java.util.Optional.empty());
  }

  public List<NodeSpec> nodes() {
    return spec.nodes();
  }

  public boolean isEmpty() {
    return spec.nodes().isEmpty();
  }
}
