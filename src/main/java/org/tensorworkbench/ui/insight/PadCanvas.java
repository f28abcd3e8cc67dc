package org.tensorworkbench.ui.insight;

import org.tensorworkbench.ui.common.FxImages;
import org.tensorworkbench.engine.image.Rasters;
import org.tensorworkbench.engine.image.Raster;
import javafx.scene.canvas.Canvas;

/**
 * The drawing pad: shows the ink of a {@link DigitPad} as the dataset stores images (white ink
 * on black, as MNIST) and turns mouse drags into strokes of the {@link ResultsViewModel}.
 */
final class PadCanvas extends Canvas {
  private final ResultsViewModel model;
  private double lastX;
  private double lastY;

  PadCanvas(ResultsViewModel model, double size) {
    super(size, size);
    this.model = model;
    setId("digit-pad");
    setOnMousePressed(e -> {
      lastX = share(e.getX(), getWidth());
      lastY = share(e.getY(), getHeight());
      model.draw(lastX, lastY, lastX, lastY);
      redraw();
    });
    setOnMouseDragged(e -> {
      double x = share(e.getX(), getWidth());
      double y = share(e.getY(), getHeight());
      model.draw(lastX, lastY, x, y);
      lastX = x;
      lastY = y;
      redraw();
    });
    redraw();
  }

  /** Paints the pad's ink (or black when there is no pad). */
  void redraw() {
    DigitPad pad = model.padProperty().get();
    if (pad == null) {
      getGraphicsContext2D().clearRect(0, 0, getWidth(), getHeight());
      return;
    }
    Raster ink = Rasters.grey(pad.ink(), pad.inkWidth(), pad.inkHeight());
    getGraphicsContext2D().drawImage(FxImages.image(ink), 0, 0, getWidth(), getHeight());
  }

  private static double share(double position, double size) {
    return Math.max(0, Math.min(1, position / size));
  }
}
