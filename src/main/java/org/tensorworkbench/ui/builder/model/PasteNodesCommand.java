package org.tensorworkbench.ui.builder.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorworkbench.engine.spec.NodeIds;
import org.tensorworkbench.engine.spec.NodeSpec;

/**
 * Pastes copied nodes under fresh names, shifted by an offset. Connections among the copied
 * nodes are kept; connections to nodes outside the copy are dropped.
 *
 * @param nodes the copied nodes with their original names
 * @param positions their original positions
 */
public record PasteNodesCommand(List<NodeSpec> nodes, Map<String, Position> positions, double dx, double dy)
    implements DesignCommand {
  public PasteNodesCommand {
    nodes = List.copyOf(nodes);
    positions = Map.copyOf(positions);
  }

  @Override
  public Design apply(Design before) {
    Set<String> taken = new java.util.HashSet<>(before.ids());
    Map<String, String> renamed = new HashMap<>();
    for (NodeSpec n : nodes) {
      String id = new NodeIds(taken).next(n.layer());
      taken.add(id);
      renamed.put(n.id(), id);
    }
    List<NodeSpec> all = new ArrayList<>(before.nodes());
    Map<String, Position> placed = new HashMap<>();
    for (NodeSpec n : nodes) {
      List<String> inputs = n.inputs().stream().filter(renamed::containsKey).map(renamed::get).toList();
      String id = renamed.get(n.id());
      all.add(new NodeSpec(id, n.layer(), inputs));
      placed.put(id, positions.getOrDefault(n.id(), Position.ORIGIN).plus(dx, dy));
    }
    return before.withNodes(all).withPositions(placed);
  }

  @Override
  public String descriptionKey() {
    return "builder.command.paste";
  }

  @Override
  public Object[] descriptionArgs() {
    return new Object[] {nodes.size()};
  }
}
