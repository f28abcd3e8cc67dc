package org.tensorworkbench.engine.image;

/**
 * A picture as {@code 0xAARRGGBB} pixels, row by row: a filter, a feature map, a convolution's
 * output or a test image turned into colours off the FX thread (and without JavaFX), copied into
 * a JavaFX image by {@code ui.common.FxImages} or written as a PNG.
 */
public record Raster(int width, int height, int[] argb) {

  public Raster {
    if (argb.length != width * height) {
      throw new IllegalArgumentException(argb.length + " pixels for " + width + "x" + height);
    }
  }

  /** Each pixel repeated {@code factor} times in both directions (sharp pixels at any size). */
  public Raster scaled(int factor) {
    if (factor <= 1) {
      return this;
    }
    int w = width * factor;
    int h = height * factor;
    int[] out = new int[w * h];
    for (int y = 0; y < h; y++) {
      int row = (y / factor) * width;
      for (int x = 0; x < w; x++) {
        out[y * w + x] = argb[row + x / factor];
      }
    }
    return new Raster(w, h, out);
  }

  /** The colour at column {@code x}, row {@code y}. */
  public int pixel(int x, int y) {
    return argb[y * width + x];
  }
}
