package org.tensorworkbench.ui.builder.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tensorworkbench.engine.spec.NodeSpec;

/**
 * Deletes the selected connections and nodes in one step. The connections go first, then the
 * nodes with every connection to or from them.
 *
 * @param nodes the ids of the nodes to delete
 * @param connections the connections to remove; each must exist
 */
public record DeleteCommand(Set<String> nodes, Set<Connection> connections) implements DesignCommand {
  public DeleteCommand {
    nodes = Set.copyOf(nodes);
    connections = Set.copyOf(connections);
  }

  public static DeleteCommand nodes(Set<String> ids) {
    return new DeleteCommand(ids, Set.of());
  }

  @Override
  public Design apply(Design before) {
    Design after = before;
    for (Connection c : connections) {
      NodeSpec target = after.node(c.to()).orElseThrow(() -> new EditRejectedException("builder.reject.noSuchNode", c.to()));
      List<String> inputs = new ArrayList<>(target.inputs());
      if (!inputs.remove(c.from())) {
        throw new EditRejectedException("builder.reject.noSuchConnection", c.from(), c.to());
      }
      after = after.replacing(c.to(), new NodeSpec(c.to(), target.layer(), inputs));
    }
    List<NodeSpec> kept = after.nodes().stream()
        .filter(n -> !nodes.contains(n.id()))
        .map(n -> new NodeSpec(n.id(), n.layer(), n.inputs().stream().filter(i -> !nodes.contains(i)).toList()))
        .toList();
    return after.withNodes(kept);
  }

  @Override
  public String descriptionKey() {
    if (nodes.isEmpty() && connections.size() == 1) {
      return "builder.command.disconnect";
    }
    if (connections.isEmpty()) {
      return nodes.size() == 1 ? "builder.command.deleteOne" : "builder.command.deleteMany";
    }
    return "builder.command.deleteMixed";
  }

  @Override
  public Object[] descriptionArgs() {
    if (nodes.isEmpty() && connections.size() == 1) {
      Connection c = connections.iterator().next();
      return new Object[] {c.from(), c.to()};
    }
    if (connections.isEmpty()) {
      return new Object[] {nodes.size() == 1 ? nodes.iterator().next() : nodes.size()};
    }
    return new Object[] {nodes.size(), connections.size()};
  }
}
