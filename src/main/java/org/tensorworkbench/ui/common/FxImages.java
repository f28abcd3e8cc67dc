package org.tensorworkbench.ui.common;

import org.tensorworkbench.engine.image.Raster;
import org.tensorworkbench.engine.image.Rasters;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** The one converter of the engine's {@link Raster}s into JavaFX images, enlarged by whole pixels so they stay sharp. */
public final class FxImages {
  private FxImages() {}

  public static Image image(Raster raster) {
    return image(raster, null);
  }

  /**
   * {@code raster} written into {@code reuse} when it has the same size (pictures redrawn every
   * frame allocate nothing), else into a new image.
   */
  public static WritableImage image(Raster raster, WritableImage reuse) {
    WritableImage image = reuse != null && reuse.getWidth() == raster.width() && reuse.getHeight() == raster.height()
        ? reuse : new WritableImage(raster.width(), raster.height());
    image.getPixelWriter().setPixels(0, 0, raster.width(), raster.height(), PixelFormat.getIntArgbInstance(),
        raster.argb(), 0, raster.width());
    return image;
  }

  /** A view of {@code raster} about {@code target} pixels tall, each source pixel a sharp square. */
  public static ImageView view(Raster raster, int target) {
    ImageView view = new ImageView(image(raster.scaled(Rasters.factorFor(raster.height(), target))));
    view.setSmooth(false);
    return view;
  }
}
