package org.tensorworkbench.ui.shell;

import javafx.scene.layout.Region;
import javafx.scene.shape.SVGPath;

/**
 * A small drawn symbol for each workspace (a 24x24 path filled by CSS). It is a {@link Region}
 * shaped by the path, so its size is set in em by {@code workbench.css} and grows with the zoom.
 */
final class WorkspaceIcon {
  private WorkspaceIcon() {}

  static Region create(Workspace workspace, String styleClass) {
    SVGPath shape = new SVGPath();
    shape.setContent(path(workspace));
    Region icon = new Region();
    icon.setShape(shape);
    icon.getStyleClass().addAll("workspace-icon", styleClass, "workspace-" + workspace.id());
    return icon;
  }

  private static String path(Workspace workspace) {
    return switch (workspace) {
      // an open book
      case LEARN -> "M2 4c3.4-0.6 6.8 0 9.2 1.8V21c-2.4-1.6-5.8-2.2-9.2-1.6z"
          + " M22 4c-3.4-0.6-6.8 0-9.2 1.8V21c2.4-1.6 5.8-2.2 9.2-1.6z";
      // three layers joined by connections
      case BUILDER -> "M2 3h7v6H2z M15 3h7v6h-7z M8.5 15h7v6h-7z"
          + " M9 5.3h6v1.4H9z M5 9h1.4v4.4h6.2v1.6h-1.2v-0.2H5z M17.6 9h1.4v5.8h-5.6v-1.4h4.2z";
      // axes and a loss curve falling
      case TRAINING -> "M2 2h1.6v18.4H22V22H2z M5.5 5.2l1.4-0.6c1.6 4 3.4 7.4 6.2 9.4 2 1.4 4.6 2 8.4 2v1.6"
          + "c-4.2 0-7.2-0.7-9.4-2.3-3.2-2.3-5-5.8-6.6-10.1z";
      // a 3x3 kernel
      case KERNEL_LAB -> "M2 2h6v6H2z M9 2h6v6H9z M16 2h6v6h-6z M2 9h6v6H2z M9 9h6v6H9z M16 9h6v6h-6z"
          + " M2 16h6v6H2z M9 16h6v6H9z M16 16h6v6h-6z";
      // a stack of matrices
      case TENSOR_LAB -> "M2 8h14v14H2z M5 5h14v1.6H6.6V19H5z M8 2h14v14h-1.6V3.6H8z";
      // a bell curve over a baseline
      case NORM_LAB -> "M2 20.4h20V22H2z M2 19c4.2 0 5-13 10-13s5.8 13 10 13v0.6H2z";
      // a plane split by a curved boundary, with two points
      case PLAYGROUND -> "M2 2h20v20H2z M3.6 3.6v8.2c4.2-0.6 6.6-2.4 8.4-8.2z M20.4 12.2c-4.2 0.6-6.6 2.4-8.4 8.2h8.4z"
          + " M6 15.5a2 2 0 1 0 4 0a2 2 0 1 0-4 0z M14 6.5a2 2 0 1 0 4 0a2 2 0 1 0-4 0z";
      // a U-curve (test error) over a falling curve (training error)
      case GENERALIZATION -> "M2 2h1.6v18.4H22V22H2z M5.4 4.6l1.5-0.5c1.4 4.6 3 7.3 5.1 7.3s3.7-2.7 5.1-7.3l1.5 0.5"
          + "c-1.6 5.2-3.6 8.4-6.6 8.4s-5-3.2-6.6-8.4z M5.4 12.2l1.2-1c2.4 3 5.6 5 12.8 5.2v1.6c-7.8-0.2-11.4-2.5-14-5.8z";
      // a dial with a pointer: a knob being tuned
      case TUNING -> "M12 2a10 10 0 1 1 0 20a10 10 0 1 1 0-20z M12 4.6a7.4 7.4 0 1 0 0 14.8a7.4 7.4 0 1 0 0-14.8z"
          + " M11.2 6h1.6v7h-1.6z M3 11.2h2v1.6H3z M19 11.2h2v1.6h-2z";
      // a small square of learned features carried into a larger network
      case TRANSFER -> "M2 14h8v8H2z M3.6 15.6v4.8h4.8v-4.8z M14 2h8v20h-8z M15.6 3.6v16.8h4.8V3.6z"
          + " M9 9.2h3.2V6.4L15 10l-2.8 3.6v-2.8H9z";
      // a database cylinder with two rings
      case DATASETS -> "M12 2c5 0 9 1.5 9 3.5S17 9 12 9 3 7.5 3 5.5 7 2 12 2z"
          + " M3 8c1.6 1.6 5 2.6 9 2.6s7.4-1 9-2.6v4.5c0 2-4 3.5-9 3.5s-9-1.5-9-3.5z"
          + " M3 15c1.6 1.6 5 2.6 9 2.6s7.4-1 9-2.6v3.5c0 2-4 3.5-9 3.5s-9-1.5-9-3.5z";
    };
  }
}
