package org.tensorworkbench.ui.insight;

import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Copies {@link Raster}s into JavaFX images, enlarged by whole pixels so they stay sharp. */
final class FxRasters {
  private FxRasters() {}

  static Image image(Raster raster) {
    WritableImage image = new WritableImage(raster.width(), raster.height());
    image.getPixelWriter().setPixels(0, 0, raster.width(), raster.height(), PixelFormat.getIntArgbInstance(),
        raster.argb(), 0, raster.width());
    return image;
  }

  /** A view of {@code raster} about {@code target} pixels tall, each source pixel a sharp square. */
  static ImageView view(Raster raster, int target) {
    ImageView view = new ImageView(image(raster.scaled(Rasters.factorFor(raster.height(), target))));
    view.setSmooth(false);
    return view;
  }
}
