package org.tensorworkbench.ui.insight;

/**
 * A small picture as ARGB pixels, row by row: a filter, a feature map or a test image turned
 * into colours off the FX thread, copied into a JavaFX image on it.
 */
record Raster(int width, int height, int[] argb) {

  Raster {
    if (argb.length != width * height) {
      throw new IllegalArgumentException(argb.length + " pixels for " + width + "x" + height);
    }
  }

  /** Each pixel repeated {@code factor} times in both directions (sharp pixels at any size). */
  Raster scaled(int factor) {
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
  int pixel(int x, int y) {
    return argb[y * width + x];
  }
}
