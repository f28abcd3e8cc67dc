package org.tensorworkbench.ui.training;

import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.tensorworkbench.engine.io.AtomicFiles;

/** Writes a picture of a chart (any node) as a PNG file, atomically. */
final class ChartImages {
  private ChartImages() {}

  /** Takes the picture on the FX thread; the caller writes it in the background with {@link #write}. */
  static WritableImage snapshot(Node node) {
    SnapshotParameters parameters = new SnapshotParameters();
    parameters.setFill(Color.WHITE);
    return node.snapshot(parameters, null);
  }

  static Path write(WritableImage image, Path file) throws IOException {
    java.awt.image.BufferedImage pixels = SwingFXUtils.fromFXImage(image, null);
    AtomicFiles.write(file, out -> {
      if (!ImageIO.write(pixels, "png", out)) {
        throw new IOException("no PNG writer");
      }
    });
    return file;
  }
}
