package org.tensorworkbench.ui.builder.model;

/**
 * The nominal size of a node box and the gaps between them, shared by the automatic layout and
 * the canvas so that laid-out graphs never overlap.
 */
public final class NodeGeometry {
  public static final double WIDTH = 232;
  public static final double HEIGHT = 66;
  public static final double COLUMN_GAP = 40;
  public static final double ROW_GAP = 50;

  private NodeGeometry() {}
}
