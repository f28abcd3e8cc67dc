package org.tensorworkbench.engine.lab.conv;

import org.tensorworkbench.engine.image.Raster;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/** Writes display pixels as a PNG atomically: a temporary file in the same folder, then a rename. */
public final class PngWriter {
  private PngWriter() {}

  public static void write(Raster image, Path file) {
    BufferedImage img = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, image.width(), image.height(), image.argb(), 0, image.width());
    Path target = file.toAbsolutePath();
    Path tmp = null;
    try {
      Files.createDirectories(target.getParent());
      tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      if (!ImageIO.write(img, "png", tmp.toFile())) {
        throw new IOException("no PNG writer");
      }
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new ConvLabException(e, "kernels.error.write", file, e.getMessage());
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the temporary file is hidden and harmless; the real error was reported above
        }
      }
    }
  }
}
