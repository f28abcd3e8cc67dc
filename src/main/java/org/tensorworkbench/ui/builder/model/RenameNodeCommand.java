package org.tensorworkbench.ui.builder.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.SpecException;

/** Renames a node and every reference to it; its position goes with it. */
public record RenameNodeCommand(String id, String newId) implements DesignCommand {

  @Override
  public Design apply(Design before) {
    NodeSpec node = before.node(id).orElseThrow(() -> new EditRejectedException("builder.reject.noSuchNode", id));
    if (newId.equals(id)) {
      return before;
    }
    if (before.node(newId).isPresent()) {
      throw new EditRejectedException("builder.reject.nameTaken", newId);
    }
    NodeSpec renamed;
    try {
      renamed = new NodeSpec(newId, node.layer(), node.inputs());
    } catch (SpecException e) {
      throw new EditRejectedException("builder.reject.badName", newId);
    }
    List<NodeSpec> nodes = before.nodes().stream()
        .map(n -> n.id().equals(id) ? renamed
            : new NodeSpec(n.id(), n.layer(), n.inputs().stream().map(i -> i.equals(id) ? newId : i).toList()))
        .toList();
    Map<String, Position> positions = new HashMap<>(before.positions());
    positions.put(newId, before.position(id));
    return new Design(before.spec().withNodes(nodes), positions);
  }

  @Override
  public String descriptionKey() {
    return "builder.command.rename";
  }

  @Override
  public Object[] descriptionArgs() {
    return new Object[] {id, newId};
  }
}
