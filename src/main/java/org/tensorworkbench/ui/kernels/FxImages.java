package org.tensorworkbench.ui.kernels;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.tensorworkbench.engine.lab.conv.RenderedImage;

/** Copies the engine's display pixels into a JavaFX image. */
final class FxImages {
  private FxImages() {}

  static WritableImage toImage(RenderedImage pixels) {
    WritableImage img = new WritableImage(pixels.width(), pixels.height());
    img.getPixelWriter().setPixels(0, 0, pixels.width(), pixels.height(), PixelFormat.getIntArgbInstance(),
        pixels.argb(), 0, pixels.width());
    return img;
  }
}
