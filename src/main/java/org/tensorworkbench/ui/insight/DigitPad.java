package org.tensorworkbench.ui.insight;

/**
 * The ink of the drawing pad, kept at {@value #OVERSAMPLE} times the network's resolution and
 * drawn with a soft round brush (full ink in the middle, fading over the outer 40 % of the
 * radius), so strokes come out anti-aliased like MNIST's scanned pen strokes once
 * {@link #networkImage framed} into the network's image. Pure Java, used on the FX thread.
 */
final class DigitPad {
  static final int OVERSAMPLE = 8;
  /** The brush radius as a share of the pad's height: a digit drawn across the pad gets MNIST's 2-3 pixel strokes. */
  static final double BRUSH_RADIUS = 0.055;
  private static final float INK_THRESHOLD = 0.05f;

  private final int height;
  private final int width;
  private final int inkHeight;
  private final int inkWidth;
  private final float[] ink;
  private final double radius;
  private boolean empty = true;

  /** A pad for a network taking {@code height x width} grey images. */
  DigitPad(int height, int width) {
    this.height = height;
    this.width = width;
    this.inkHeight = height * OVERSAMPLE;
    this.inkWidth = width * OVERSAMPLE;
    this.ink = new float[inkHeight * inkWidth];
    this.radius = BRUSH_RADIUS * inkHeight;
  }

  int height() {
    return height;
  }

  int width() {
    return width;
  }

  int inkHeight() {
    return inkHeight;
  }

  int inkWidth() {
    return inkWidth;
  }

  boolean isEmpty() {
    return empty;
  }

  /** A copy of the ink, {@code [inkHeight, inkWidth]}, values in [0, 1]. */
  float[] ink() {
    return ink.clone();
  }

  void clear() {
    java.util.Arrays.fill(ink, 0f);
    empty = true;
  }

  /** A stroke from (x0, y0) to (x1, y1), coordinates as shares [0, 1] of the pad's width and height. */
  void stroke(double x0, double y0, double x1, double y1) {
    double ax = x0 * inkWidth;
    double ay = y0 * inkHeight;
    double bx = x1 * inkWidth;
    double by = y1 * inkHeight;
    double length = Math.hypot(bx - ax, by - ay);
    int stamps = Math.max(1, (int) Math.ceil(length / (radius / 4)));
    for (int i = 0; i <= stamps; i++) {
      double t = (double) i / stamps;
      stamp(ax + (bx - ax) * t, ay + (by - ay) * t);
    }
  }

  private void stamp(double cx, double cy) {
    int x0 = Math.max(0, (int) Math.floor(cx - radius));
    int x1 = Math.min(inkWidth - 1, (int) Math.ceil(cx + radius));
    int y0 = Math.max(0, (int) Math.floor(cy - radius));
    int y1 = Math.min(inkHeight - 1, (int) Math.ceil(cy + radius));
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) / radius;
        if (d < 1) {
          double edge = Math.max(0, Math.min(1, (1 - d) / 0.4));
          float value = (float) (edge * edge * (3 - 2 * edge)); // smoothstep
          int i = y * inkWidth + x;
          if (value > ink[i]) {
            ink[i] = value;
            empty = false;
          }
        }
      }
    }
  }

  /** The drawing as the network's image {@code [height, width]}, values in [0, 1], fitted by {@code framing}. */
  float[] networkImage(Framing framing) {
    return frame(ink, inkWidth, inkHeight, width, height, framing);
  }

  /**
   * Fits the inked part of {@code ink} into a {@code width x height} image: its longer side
   * scaled to {@link Framing#boxFraction()} of the height, its centre (of mass, or of its
   * bounding box) at the image's centre, each output pixel the mean of the ink it covers.
   */
  static float[] frame(float[] ink, int inkWidth, int inkHeight, int width, int height, Framing framing) {
    int left = inkWidth;
    int right = -1;
    int top = inkHeight;
    int bottom = -1;
    double mass = 0;
    double mx = 0;
    double my = 0;
    for (int y = 0; y < inkHeight; y++) {
      for (int x = 0; x < inkWidth; x++) {
        float v = ink[y * inkWidth + x];
        if (v > INK_THRESHOLD) {
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
        mass += v;
        mx += v * (x + 0.5);
        my += v * (y + 0.5);
      }
    }
    float[] out = new float[width * height];
    if (right < 0) {
      return out;
    }
    double side = Math.max(right - left + 1, bottom - top + 1);
    double scale = framing.boxFraction() * height / side; // output pixels per ink pixel
    double cx = framing.centreOfMass() ? mx / mass : (left + right + 1) / 2.0;
    double cy = framing.centreOfMass() ? my / mass : (top + bottom + 1) / 2.0;
    for (int ty = 0; ty < height; ty++) {
      double fy0 = cy + (ty - height / 2.0) / scale;
      double fy1 = cy + (ty + 1 - height / 2.0) / scale;
      for (int tx = 0; tx < width; tx++) {
        double fx0 = cx + (tx - width / 2.0) / scale;
        double fx1 = cx + (tx + 1 - width / 2.0) / scale;
        out[ty * width + tx] = meanInk(ink, inkWidth, inkHeight, fx0, fx1, fy0, fy1);
      }
    }
    return out;
  }

  /** The mean ink of the pixels whose centres lie in [fx0, fx1) x [fy0, fy1), or the nearest pixel's ink for a smaller footprint. */
  private static float meanInk(float[] ink, int inkWidth, int inkHeight, double fx0, double fx1, double fy0,
      double fy1) {
    int x0 = (int) Math.ceil(fx0 - 0.5);
    int x1 = (int) Math.ceil(fx1 - 0.5) - 1;
    int y0 = (int) Math.ceil(fy0 - 0.5);
    int y1 = (int) Math.ceil(fy1 - 0.5) - 1;
    if (x1 < x0 || y1 < y0) {
      int x = (int) Math.floor((fx0 + fx1) / 2);
      int y = (int) Math.floor((fy0 + fy1) / 2);
      return x < 0 || y < 0 || x >= inkWidth || y >= inkHeight ? 0f : ink[y * inkWidth + x];
    }
    double sum = 0;
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        if (x >= 0 && y >= 0 && x < inkWidth && y < inkHeight) {
          sum += ink[y * inkWidth + x];
        }
      }
    }
    return (float) (sum / ((double) (x1 - x0 + 1) * (y1 - y0 + 1)));
  }
}
