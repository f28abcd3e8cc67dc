package org.tensorworkbench.ui.builder.model;

import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.NodeSpec;

/**
 * Replaces a node's layer settings, keeping its name and connections. Successive edits of the
 * same field of the same node (typing "1", "12", "120") are one undo step.
 *
 * @param field the inspector field that was edited, for merging keystrokes
 */
public record EditLayerCommand(String id, LayerSpec layer, String field) implements DesignCommand {

  @Override
  public Design apply(Design before) {
    NodeSpec node = before.node(id).orElseThrow(() -> new EditRejectedException("builder.reject.noSuchNode", id));
    if (node.layer().getClass() != layer.getClass()) {
      throw new EditRejectedException("builder.reject.otherKind", id);
    }
    return before.replacing(id, new NodeSpec(id, layer, node.inputs()));
  }

  @Override
  public boolean continues(DesignCommand previous) {
    return previous instanceof EditLayerCommand e && e.id.equals(id) && e.field.equals(field);
  }

  @Override
  public String descriptionKey() {
    return "builder.command.edit";
  }

  @Override
  public Object[] descriptionArgs() {
    return new Object[] {id};
  }
}
