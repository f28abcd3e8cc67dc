package org.tensorworkbench.engine.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A network design: a directed acyclic graph of layers, immutable and serializable to JSON
 * (see {@code NetworkSpecJson}). The workbench never edits a compiled graph; every change
 * makes a new spec and the graph is rebuilt from it.
 *
 * @param formatVersion the JSON format version, {@link #FORMAT_VERSION} when written by this build
 * @param name a display name, e.g. "LeNet"
 * @param nodes the nodes; order is free, edges are given by {@link NodeSpec#inputs()}
 */
public record NetworkSpec(int formatVersion, String name, List<NodeSpec> nodes) {
  public static final int FORMAT_VERSION = 1;

  public NetworkSpec {
    name = name == null ? "" : name;
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
  }

  public static NetworkSpec of(String name, List<NodeSpec> nodes) {
    return new NetworkSpec(FORMAT_VERSION, name, nodes);
  }

  /**
   * A chain: each layer feeds the next; ids are made from the layer kind and a counter per kind
   * as d2l names them (conv1, conv2, pool1, dense1...). The first layer must be an Input.
   */
  public static NetworkSpec sequential(String name, LayerSpec... layers) {
    List<NodeSpec> nodes = new ArrayList<>();
    NodeIds ids = new NodeIds();
    String previous = null;
    for (LayerSpec layer : layers) {
      String id = ids.next(layer);
      nodes.add(previous == null ? NodeSpec.of(id, layer) : NodeSpec.of(id, layer, previous));
      previous = id;
    }
    return of(name, nodes);
  }

  public Optional<NodeSpec> node(String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
  }

  public NetworkSpec withNodes(List<NodeSpec> newNodes) {
    return new NetworkSpec(formatVersion, name, newNodes);
  }

  /** The same network with the layer of node {@code id} replaced (its connections kept). */
  public NetworkSpec withLayer(String id, LayerSpec layer) {
    if (node(id).isEmpty()) {
      throw new SpecException("spec.shape.noSuchNode", id);
    }
    return withNodes(nodes.stream()
        .map(n -> n.id().equals(id) ? new NodeSpec(id, layer, n.inputs()) : n)
        .toList());
  }

  /**
   * The same network with every Input node set to the per-example {@code shape} (batch
   * excluded), e.g. {@code [1, 28, 28]}: how a design is fitted to a dataset's features.
   */
  public NetworkSpec withInputShape(List<Integer> shape) {
    NetworkSpec result = this;
    for (NodeSpec node : nodes) {
      if (node.layer() instanceof InputSpec) {
        result = result.withLayer(node.id(), new InputSpec(shape));
      }
    }
    return result;
  }

  public NetworkSpec withName(String newName) {
    return new NetworkSpec(formatVersion, newName, nodes);
  }
}
