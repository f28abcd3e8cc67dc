package org.tensorworkbench.ui.builder.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.NodeIds;
import org.tensorworkbench.engine.spec.NodeSpec;

/**
 * Drops a layer onto the connection {@code from -> to}: the new layer takes {@code from} as its
 * input and replaces {@code from} among {@code to}'s inputs, at the same place in their order.
 */
public record InsertLayerCommand(LayerSpec layer, Position at, String from, String to) implements DesignCommand {

  @Override
  public Design apply(Design before) {
    NodeSpec target = before.node(to).orElseThrow(() -> new EditRejectedException("builder.reject.noSuchNode", to));
    if (!target.inputs().contains(from)) {
      throw new EditRejectedException("builder.reject.noSuchConnection", from, to);
    }
    if (layer.arity() == 0) {
      throw new EditRejectedException("builder.reject.takesNoInput", NodeIds.prefix(layer));
    }
    String id = new NodeIds(before.ids()).next(layer);
    List<String> inputs = new ArrayList<>(target.inputs());
    inputs.set(inputs.indexOf(from), id);
    List<NodeSpec> nodes = new ArrayList<>(before.nodes());
    nodes.replaceAll(n -> n.id().equals(to) ? new NodeSpec(to, n.layer(), inputs) : n);
    nodes.add(nodes.indexOf(before.node(from).orElse(target)) + 1, NodeSpec.of(id, layer, from));
    return before.withNodes(nodes).withPositions(Map.of(id, at));
  }

  @Override
  public String descriptionKey() {
    return "builder.command.insert";
  }

  @Override
  public Object[] descriptionArgs() {
    return new Object[] {NodeIds.prefix(layer), from, to};
  }
}
