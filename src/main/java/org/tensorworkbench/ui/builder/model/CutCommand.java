package org.tensorworkbench.ui.builder.model;

import java.util.Set;

/** Removes nodes that were just copied to the clipboard: a delete that Undo calls "Cut". */
public record CutCommand(Set<String> nodes) implements DesignCommand {
  public CutCommand {
    nodes = Set.copyOf(nodes);
  }

  @Override
  public Design apply(Design before) {
    return DeleteCommand.nodes(nodes).apply(before);
  }

  @Override
  public String descriptionKey() {
    return "builder.command.cut";
  }

  @Override
  public Object[] descriptionArgs() {
    return new Object[] {nodes.size()};
  }
}
