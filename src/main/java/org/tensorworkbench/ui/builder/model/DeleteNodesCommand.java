package org.tensorworkbench.ui.builder.model;

import java.util.List;
import java.util.Set;
import org.tensorworkbench.engine.spec.NodeSpec;

/** Deletes nodes and every connection to or from them. */
public record DeleteNodesCommand(Set<String> ids) implements DesignCommand {
  public DeleteNodesCommand {
    ids = Set.copyOf(ids);
  }

  @Override
  public Design apply(Design before) {
    List<NodeSpec> kept = before.nodes().stream()
        .filter(n -> !ids.contains(n.id()))
        .map(n -> new NodeSpec(n.id(), n.layer(), n.inputs().stream().filter(i -> !ids.contains(i)).toList()))
        .toList();
    return before.withNodes(kept);
  }

  @Override
  public String descriptionKey() {
    return ids.size() == 1 ? "builder.command.deleteOne" : "builder.command.deleteMany";
  }

  @Override
  public Object[] descriptionArgs() {
    return new Object[] {ids.size() == 1 ? ids.iterator().next() : ids.size()};
  }
}
