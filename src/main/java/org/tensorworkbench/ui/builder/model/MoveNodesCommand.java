package org.tensorworkbench.ui.builder.model;

import java.util.Map;

/** Moves nodes to new positions: the end of a drag on the canvas, one undo step per drag. */
public record MoveNodesCommand(Map<String, Position> to) implements DesignCommand {
  public MoveNodesCommand {
    to = Map.copyOf(to);
  }

  @Override
  public Design apply(Design before) {
    return before.withPositions(Map.copyOf(to));
  }

  @Override
  public String descriptionKey() {
    return "builder.command.move";
  }

  @Override
  public Object[] descriptionArgs() {
    return new Object[] {to.size()};
  }
}
