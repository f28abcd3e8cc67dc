package org.tensorworkbench.engine.spec;

import java.util.ArrayList;
import java.util.List;

/** Writes a network down node by node, each fed by the previous one unless told otherwise. */
final class NetworkSketch {
  private final List<NodeSpec> nodes = new ArrayList<>();
  private String last;

  /** Adds a node fed by the previous node (none for the first). */
  String then(String id, LayerSpec layer) {
    return last == null ? node(id, layer) : node(id, layer, last);
  }

  /** Adds a node fed by the given nodes. */
  String node(String id, LayerSpec layer, String... inputs) {
    nodes.add(NodeSpec.of(id, layer, inputs));
    last = id;
    return id;
  }

  /** Makes the next {@link #then} start from this node. */
  void from(String id) {
    last = id;
  }

  String last() {
    return last;
  }

  NetworkSpec build(String name) {
    return NetworkSpec.of(name, nodes);
  }
}
