package org.tensorworkbench.engine.lab.conv;

/**
 * Display pixels, {@code 0xAARRGGBB} row-major, ready for a JavaFX {@code PixelWriter} or a PNG.
 */
public record RenderedImage(int width, int height, int[] argb) {

  public RenderedImage {
    if (argb.length != width * height) {
      throw new IllegalArgumentException(argb.length + " pixels for " + width + "x" + height);
    }
  }

  public int pixel(int x, int y) {
    return argb[y * width + x];
  }
}
