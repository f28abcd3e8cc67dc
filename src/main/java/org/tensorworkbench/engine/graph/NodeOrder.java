package org.tensorworkbench.engine.graph;

import java.util.List;
import java.util.Set;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.NetworkGraph;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.SpecException;
import org.tensorworkbench.engine.spec.SpecValidator;

/**
 * The nodes a compiled graph contains: the Output and every node it depends on, inputs before
 * the nodes they feed. Nodes that lead nowhere (placed in the builder but not yet wired) are
 * left out, as {@link SpecValidator} promises. Throws the validator's first error for a broken
 * graph, and {@code graph.error.reservedId} for a node named like one of the graph's own
 * variables.
 */
final class NodeOrder {
  private final NetworkSpec used;
  private final List<NodeSpec> sorted;
  private final NodeSpec input;
  private final NodeSpec output;

  private NodeOrder(NetworkSpec used, List<NodeSpec> sorted) {
    this.used = used;
    this.sorted = sorted;
    this.input = sorted.stream().filter(n -> n.layer() instanceof InputSpec).findFirst().orElseThrow();
    this.output = sorted.stream().filter(n -> n.layer() instanceof OutputSpec).findFirst().orElseThrow();
  }

  static NodeOrder of(NetworkSpec spec) {
    SpecValidator.requireValid(spec);
    NetworkGraph graph = NetworkGraph.of(spec);
    String outputId = spec.nodes().stream().filter(n -> n.layer() instanceof OutputSpec)
        .findFirst().orElseThrow().id();
    Set<String> needed = graph.ancestors(outputId);
    List<NodeSpec> sorted = graph.topologicalOrder().stream().filter(n -> needed.contains(n.id())).toList();
    for (NodeSpec node : sorted) {
      if (GraphNames.RESERVED.contains(node.id()) && !(node.layer() instanceof InputSpec)) {
        throw new SpecException("graph.error.reservedId", node.id());
      }
    }
    NetworkSpec used = spec.withNodes(sorted);
    // the Input may not feed the Output: the pruned network then has none, and says so
    SpecValidator.requireValid(used);
    return new NodeOrder(used, sorted);
  }

  /** The spec reduced to {@link #sorted()}. */
  NetworkSpec used() {
    return used;
  }

  /** The nodes the Output depends on and the Output, inputs before the nodes they feed. */
  List<NodeSpec> sorted() {
    return sorted;
  }

  NodeSpec input() {
    return input;
  }

  NodeSpec output() {
    return output;
  }
}
