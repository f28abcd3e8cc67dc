package org.tensorworkbench.ui.builder.model;

/** Arranges every node top to bottom with {@link AutoLayout}. */
public record AutoLayoutCommand() implements DesignCommand {

  @Override
  public Design apply(Design before) {
    return new Design(before.spec(), AutoLayout.positions(before.spec()));
  }

  @Override
  public String descriptionKey() {
    return "builder.command.layout";
  }
}
