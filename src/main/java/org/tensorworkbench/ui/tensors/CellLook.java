package org.tensorworkbench.ui.tensors;

import javafx.scene.paint.Color;

/**
 * How one cell of a {@link TensorCanvas} is drawn.
 *
 * @param fill the background
 * @param faded whether the cell is a virtual copy (drawn pale, dashed)
 * @param label the text, or {@code null} for the cell's value
 * @param emphasized whether to draw a thick border (hovered, or sharing the hovered cell's group)
 */
public record CellLook(Color fill, boolean faded, String label, boolean emphasized) {
  public static final Color PLAIN = Color.web("#eef3fb");

  public static CellLook plain() {
    return new CellLook(PLAIN, false, null, false);
  }
}
