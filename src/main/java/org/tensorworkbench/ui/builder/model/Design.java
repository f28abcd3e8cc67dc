package org.tensorworkbench.ui.builder.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.NodeSpec;

/**
 * The document the Network Builder edits: the engine's immutable {@link NetworkSpec} plus where
 * each node is drawn. A design is a value; every edit makes a new one, which is what lets the
 * command stack undo and redo exactly by swapping values.
 *
 * @param spec the network
 * @param positions the canvas position of each node id; nodes without one are drawn at the origin
 */
public record Design(NetworkSpec spec, Map<String, Position> positions) {
  public Design {
    if (spec == null) {
      throw new IllegalArgumentException("spec");
    }
    Set<String> ids = spec.nodes().stream().map(NodeSpec::id).collect(Collectors.toSet());
    Map<String, Position> kept = new HashMap<>(positions == null ? Map.of() : positions);
    kept.keySet().retainAll(ids);
    positions = Map.copyOf(kept);
  }

  /** An empty, unnamed network. */
  public static Design empty() {
    return new Design(NetworkSpec.of("", List.of()), Map.of());
  }

  /** A network laid out top to bottom by {@link AutoLayout}. */
  public static Design laidOut(NetworkSpec spec) {
    return new Design(spec, AutoLayout.positions(spec));
  }

  public List<NodeSpec> nodes() {
    return spec.nodes();
  }

  public Optional<NodeSpec> node(String id) {
    return spec.node(id);
  }

  public Position position(String id) {
    return positions.getOrDefault(id, Position.ORIGIN);
  }

  public Set<String> ids() {
    return spec.nodes().stream().map(NodeSpec::id).collect(Collectors.toSet());
  }

  public Design withSpec(NetworkSpec newSpec) {
    return new Design(newSpec, positions);
  }

  public Design withNodes(List<NodeSpec> nodes) {
    return new Design(spec.withNodes(nodes), positions);
  }

  public Design withPositions(Map<String, Position> changed) {
    Map<String, Position> all = new HashMap<>(positions);
    all.putAll(changed);
    return new Design(spec, all);
  }

  /** The same design with {@code id}'s node replaced by {@code replacement}. */
  public Design replacing(String id, NodeSpec replacement) {
    List<NodeSpec> nodes = new ArrayList<>(spec.nodes());
    nodes.replaceAll(n -> n.id().equals(id) ? replacement : n);
    return withNodes(nodes);
  }

  /** The ids of the nodes that take {@code id} as an input. */
  public List<String> consumers(String id) {
    return spec.nodes().stream().filter(n -> n.inputs().contains(id)).map(NodeSpec::id).toList();
  }

  /** Whether {@code to} can be reached from {@code from} by following connections forward. */
  public boolean reaches(String from, String to) {
    List<String> frontier = new ArrayList<>(List.of(from));
    Set<String> seen = new java.util.HashSet<>();
    while (!frontier.isEmpty()) {
      String id = frontier.remove(frontier.size() - 1);
      if (id.equals(to)) {
        return true;
      }
      if (seen.add(id)) {
        frontier.addAll(consumers(id));
      }
    }
    return false;
  }
}
