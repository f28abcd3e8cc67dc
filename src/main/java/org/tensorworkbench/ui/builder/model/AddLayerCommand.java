package org.tensorworkbench.ui.builder.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.NodeIds;
import org.tensorworkbench.engine.spec.NodeSpec;

/** Adds an unconnected layer at a canvas position (a drop from the palette onto empty canvas). */
public record AddLayerCommand(LayerSpec layer, Position at) implements DesignCommand {

  @Override
  public Design apply(Design before) {
    String id = new NodeIds(before.ids()).next(layer);
    List<NodeSpec> nodes = new ArrayList<>(before.nodes());
    nodes.add(NodeSpec.of(id, layer));
    return before.withNodes(nodes).withPositions(Map.of(id, at));
  }

  @Override
  public String descriptionKey() {
    return "builder.command.add";
  }

  @Override
  public Object[] descriptionArgs() {
    return new Object[] {NodeIds.prefix(layer)};
  }
}
