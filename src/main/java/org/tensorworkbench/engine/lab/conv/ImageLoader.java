package org.tensorworkbench.engine.lab.conv;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Reads PNG, JPEG, GIF or BMP files (JDK ImageIO) into float planes with values 0..255: grey
 * files become one channel, everything else three (alpha is dropped). The bundled photographs
 * are in {@code assets/images}.
 */
public final class ImageLoader {
  /** The side the lab scales larger images down to, so edits stay interactive. */
  public static final int MAX_SIDE = 1024;

  private ImageLoader() {}

  public static ImagePlanes load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConvLabException("kernels.error.noFile", file);
    }
    BufferedImage img;
    try {
      img = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new ConvLabException(e, "kernels.error.badImage", file.getFileName(), e.getMessage());
    }
    if (img == null) {
      throw new ConvLabException("kernels.error.notAnImage", file.getFileName());
    }
    return fromBufferedImage(file.getFileName().toString(), shrunk(img));
  }

  static ImagePlanes fromBufferedImage(String name, BufferedImage img) {
    int h = img.getHeight();
    int w = img.getWidth();
    int plane = h * w;
    if (img.getColorModel().getNumColorComponents() == 1) {
      Raster raster = img.getRaster();
      int bits = img.getColorModel().getComponentSize(0);
      float scale = 255f / ((1 << bits) - 1);
      float[] g = new float[plane];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          g[y * w + x] = raster.getSample(x, y, 0) * scale;
        }
      }
      return new ImagePlanes(name, 1, h, w, g, 255f);
    }
    int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
    float[] rgb = new float[3 * plane]; // [3, H, W]
    for (int i = 0; i < plane; i++) {
      rgb[i] = (argb[i] >> 16) & 0xFF;
      rgb[plane + i] = (argb[i] >> 8) & 0xFF;
      rgb[2 * plane + i] = argb[i] & 0xFF;
    }
    return new ImagePlanes(name, 3, h, w, rgb, 255f);
  }

  private static BufferedImage shrunk(BufferedImage img) {
    int side = Math.max(img.getWidth(), img.getHeight());
    if (side <= MAX_SIDE) {
      return img;
    }
    double f = (double) MAX_SIDE / side;
    int w = Math.max(1, (int) Math.round(img.getWidth() * f));
    int h = Math.max(1, (int) Math.round(img.getHeight() * f));
    int type = img.getColorModel().getNumColorComponents() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
    BufferedImage small = new BufferedImage(w, h, type);
    java.awt.Graphics2D g = small.createGraphics();
    try {
      g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(img, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return small;
  }
}
