package org.tensorworkbench.engine.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.SpecException;

/**
 * The nodes of a spec in an order where every node comes after its inputs (Kahn's algorithm,
 * ties kept in file order), after checking what a graph needs: unique ids, known inputs, the
 * right number of inputs per layer, no cycle, exactly one Input and one Output.
 */
final class NodeOrder {
  private final List<NodeSpec> sorted;
  private final NodeSpec input;
  private final NodeSpec output;

  private NodeOrder(List<NodeSpec> sorted, NodeSpec input, NodeSpec output) {
    this.sorted = sorted;
    this.input = input;
    this.output = output;
  }

  static NodeOrder of(NetworkSpec spec) {
    Map<String, NodeSpec> byId = new LinkedHashMap<>();
    NodeSpec input = null;
    NodeSpec output = null;
    for (NodeSpec node : spec.nodes()) {
      if (byId.put(node.id(), node) != null) {
        throw new SpecException("graph.error.duplicateId", node.id());
      }
      if (GraphNames.RESERVED.contains(node.id()) && !(node.layer() instanceof InputSpec)) {
        throw new SpecException("graph.error.reservedId", node.id());
      }
      checkArity(node);
      if (node.layer() instanceof InputSpec) {
        if (input != null) {
          throw new SpecException("graph.error.oneInput", input.id(), node.id());
        }
        input = node;
      } else if (node.layer() instanceof OutputSpec) {
        if (output != null) {
          throw new SpecException("graph.error.oneOutput", output.id(), node.id());
        }
        output = node;
      }
    }
    if (input == null) {
      throw new SpecException("graph.error.noInput");
    }
    if (output == null) {
      throw new SpecException("graph.error.noOutput");
    }
    return new NodeOrder(sort(byId), input, output);
  }

  private static void checkArity(NodeSpec node) {
    LayerSpec layer = node.layer();
    int given = node.inputs().size();
    if (layer.arity() == LayerSpec.ANY) {
      if (given < 2) {
        throw new SpecException("graph.error.needsTwoInputs", node.id(), given);
      }
    } else if (given != layer.arity()) {
      throw new SpecException("graph.error.wrongInputCount", node.id(), layer.arity(), given);
    }
  }

  private static List<NodeSpec> sort(Map<String, NodeSpec> byId) {
    Map<String, Integer> missing = new HashMap<>();
    Map<String, List<NodeSpec>> consumers = new HashMap<>();
    Deque<NodeSpec> ready = new ArrayDeque<>();
    for (NodeSpec node : byId.values()) {
      for (String in : node.inputs()) {
        if (!byId.containsKey(in)) {
          throw new SpecException("graph.error.unknownInput", node.id(), in);
        }
        consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(node);
      }
      missing.put(node.id(), node.inputs().size());
      if (node.inputs().isEmpty()) {
        ready.add(node);
      }
    }
    List<NodeSpec> sorted = new ArrayList<>(byId.size());
    while (!ready.isEmpty()) {
      NodeSpec node = ready.poll();
      sorted.add(node);
      for (NodeSpec consumer : consumers.getOrDefault(node.id(), List.of())) {
        if (missing.merge(consumer.id(), -1, Integer::sum) == 0) {
          ready.add(consumer);
        }
      }
    }
    if (sorted.size() < byId.size()) {
      String stuck = byId.keySet().stream().filter(id -> missing.get(id) > 0).findFirst().orElseThrow();
      throw new SpecException("graph.error.cycle", stuck);
    }
    return List.copyOf(sorted);
  }

  /** Every node, inputs before the nodes they feed. */
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
