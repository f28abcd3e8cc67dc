package org.tensorworkbench.engine.lab.conv;

/**
 * Small made-up images whose convolution can be checked by hand. Values are 0 (black) and 1
 * (white), as in d2l.
 *
 * <ul>
 *   <li>{@link #BOUNDARY}: d2l 7.2.3's 6x8 image, white with a black band in columns 2..5, whose
 *       [1, −1] response is 1 at the white-to-black edge and −1 at the black-to-white edge;
 *   <li>{@link #BOUNDARY_TRANSPOSED}: its 8x6 transpose, on which [1, −1] sees nothing;
 *   <li>{@link #CHECKERBOARD}: 32x32, squares of 4 pixels;
 *   <li>{@link #IMPULSE}: a 15x15 black image with one white pixel in the middle. Its
 *       cross-correlation with K is K rotated by 180° (a true convolution would give K itself).
 * </ul>
 */
public enum SyntheticImage {
  BOUNDARY("boundary"),
  BOUNDARY_TRANSPOSED("boundary-t"),
  CHECKERBOARD("checkerboard"),
  IMPULSE("impulse");

  private final String id;

  SyntheticImage(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static SyntheticImage byId(String id) {
    for (SyntheticImage s : values()) {
      if (s.id.equalsIgnoreCase(id)) {
        return s;
      }
    }
    throw new ConvLabException("kernels.error.unknownSynthetic", id);
  }

  public ImagePlanes create() {
    return switch (this) {
      case BOUNDARY -> boundary(false);
      case BOUNDARY_TRANSPOSED -> boundary(true);
      case CHECKERBOARD -> checkerboard();
      case IMPULSE -> impulse();
    };
  }

  private ImagePlanes boundary(boolean transposed) {
    int h = transposed ? 8 : 6;
    int w = transposed ? 6 : 8;
    float[] d = new float[h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int along = transposed ? y : x; // X = ones(6, 8); X[:, 2:6] = 0
        d[y * w + x] = along >= 2 && along < 6 ? 0 : 1;
      }
    }
    return new ImagePlanes(id, 1, h, w, d, 1f);
  }

  private ImagePlanes checkerboard() {
    int side = 32;
    float[] d = new float[side * side];
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        d[y * side + x] = ((y / 4) + (x / 4)) % 2 == 0 ? 1 : 0;
      }
    }
    return new ImagePlanes(id, 1, side, side, d, 1f);
  }

  private ImagePlanes impulse() {
    int side = 15;
    float[] d = new float[side * side];
    d[(side / 2) * side + side / 2] = 1;
    return new ImagePlanes(id, 1, side, side, d, 1f);
  }
}
