package org.tensorworkbench.app;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.tensorworkbench.workspace.WindowBounds;

/**
 * Puts the main window where it was last time, if that place is still on a screen (a projector
 * may have been unplugged since), and keeps track of its size and position while it is not
 * maximized, so a maximized window comes back to its normal size too.
 */
final class WindowPlacement {
  private static final double DEFAULT_WIDTH = 1200;
  private static final double DEFAULT_HEIGHT = 800;

  private final Stage stage;
  private double x;
  private double y;
  private double width;
  private double height;

  WindowPlacement(Stage stage) {
    this.stage = stage;
  }

  /** Sizes and places the stage before it is shown, then starts following it. */
  void restore(WindowBounds saved) {
    stage.setMinWidth(WindowBounds.MIN_WIDTH);
    stage.setMinHeight(WindowBounds.MIN_HEIGHT);
    if (saved != null && !Screen.getScreensForRectangle(saved.x(), saved.y(), saved.width(), saved.height()).isEmpty()) {
      stage.setX(saved.x());
      stage.setY(saved.y());
      stage.setWidth(saved.width());
      stage.setHeight(saved.height());
      stage.setMaximized(saved.maximized());
    } else {
      Rectangle2D screen = Screen.getPrimary().getVisualBounds();
      stage.setWidth(Math.max(WindowBounds.MIN_WIDTH, Math.min(DEFAULT_WIDTH, screen.getWidth() * 0.92)));
      stage.setHeight(Math.max(WindowBounds.MIN_HEIGHT, Math.min(DEFAULT_HEIGHT, screen.getHeight() * 0.92)));
      stage.centerOnScreen();
    }
    remember();
    stage.xProperty().addListener(o -> remember());
    stage.yProperty().addListener(o -> remember());
    stage.widthProperty().addListener(o -> remember());
    stage.heightProperty().addListener(o -> remember());
  }

  /** The window's normal bounds and whether it is maximized now. */
  WindowBounds current() {
    return new WindowBounds(x, y, width, height, stage.isMaximized());
  }

  private void remember() {
    if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()) {
      x = stage.getX();
      y = stage.getY();
      width = stage.getWidth();
      height = stage.getHeight();
    }
  }
}
