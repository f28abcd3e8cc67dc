package org.tensorworkbench.engine.augment;

import java.util.SplittableRandom;

/**
 * The geometric augmentations of d2l 14.1, on images {@code [C, H, W]} with values in [0, 1],
 * following torchvision's definitions. Pixel {@code (x, y)} is column {@code x}, row {@code y},
 * its centre at integer coordinates; the output always has the input's size.
 */
public final class Geometric {
  private Geometric() {}

  /** Mirrors left and right: {@code out(x, y) = in(W-1-x, y)}. */
  public static float[] flipHorizontal(float[] in, ImageSize s) {
    float[] out = new float[in.length];
    int h = s.height();
    int w = s.width();
    for (int c = 0; c < s.channels(); c++) {
      for (int y = 0; y < h; y++) {
        int row = (c * h + y) * w;
        for (int x = 0; x < w; x++) {
          out[row + x] = in[row + w - 1 - x];
        }
      }
    }
    return out;
  }

  /** Mirrors top and bottom: {@code out(x, y) = in(x, H-1-y)}. */
  public static float[] flipVertical(float[] in, ImageSize s) {
    float[] out = new float[in.length];
    int h = s.height();
    int w = s.width();
    for (int c = 0; c < s.channels(); c++) {
      for (int y = 0; y < h; y++) {
        System.arraycopy(in, (c * h + h - 1 - y) * w, out, (c * h + y) * w, w);
      }
    }
    return out;
  }

  /**
   * The crop box of torchvision's {@code RandomResizedCrop.get_params}: up to 10 times, an area
   * {@code A = H·W·U(scale)} and a log-uniform aspect ratio {@code r = exp(U(log ratio))} give
   * {@code w = round(√(A·r))}, {@code h = round(√(A/r))}; the first box that fits is placed
   * uniformly. Otherwise the centre crop of the whole image, narrowed to the ratio range.
   *
   * @return {@code {top, left, height, width}}
   */
  public static int[] cropBox(ImageSize s, double minScale, double maxScale, double minRatio, double maxRatio,
      SplittableRandom random) {
    int height = s.height();
    int width = s.width();
    double area = (double) height * width;
    double logLow = Math.log(minRatio);
    double logHigh = Math.log(maxRatio);
    for (int attempt = 0; attempt < 10; attempt++) {
      double target = area * uniform(random, minScale, maxScale);
      double ratio = Math.exp(uniform(random, logLow, logHigh));
      int w = (int) Math.round(Math.sqrt(target * ratio));
      int h = (int) Math.round(Math.sqrt(target / ratio));
      if (w > 0 && w <= width && h > 0 && h <= height) {
        int top = random.nextInt(height - h + 1);
        int left = random.nextInt(width - w + 1);
        return new int[] {top, left, h, w};
      }
    }
    double inRatio = (double) width / height;
    int w;
    int h;
    if (inRatio < minRatio) {
      w = width;
      h = (int) Math.round(w / minRatio);
    } else if (inRatio > maxRatio) {
      h = height;
      w = (int) Math.round(h * maxRatio);
    } else {
      w = width;
      h = height;
    }
    return new int[] {(height - h) / 2, (width - w) / 2, h, w};
  }

  /**
   * The box {@code {top, left, height, width}} resized back to the image's size with bilinear
   * interpolation (half-pixel centres, as {@code align_corners=False}): output pixel {@code x}
   * samples the box at {@code (x + ½)·w/W − ½}, clamped to the box.
   */
  public static float[] resizeCrop(float[] in, ImageSize s, int[] box) {
    int h = s.height();
    int w = s.width();
    float[] out = new float[in.length];
    double sy = (double) box[2] / h;
    double sx = (double) box[3] / w;
    for (int y = 0; y < h; y++) {
      double fy = clamp((y + 0.5) * sy - 0.5, 0, box[2] - 1) + box[0];
      int y0 = (int) Math.floor(fy);
      int y1 = Math.min(y0 + 1, box[0] + box[2] - 1);
      double ty = fy - y0;
      for (int x = 0; x < w; x++) {
        double fx = clamp((x + 0.5) * sx - 0.5, 0, box[3] - 1) + box[1];
        int x0 = (int) Math.floor(fx);
        int x1 = Math.min(x0 + 1, box[1] + box[3] - 1);
        double tx = fx - x0;
        for (int c = 0; c < s.channels(); c++) {
          int base = c * h * w;
          double top = in[base + y0 * w + x0] * (1 - tx) + in[base + y0 * w + x1] * tx;
          double bottom = in[base + y1 * w + x0] * (1 - tx) + in[base + y1 * w + x1] * tx;
          out[base + y * w + x] = (float) (top * (1 - ty) + bottom * ty);
        }
      }
    }
    return out;
  }

  /**
   * Rotates by {@code degrees} counter-clockwise (as seen on screen, torchvision's sign) about
   * the image centre {@code ((W−1)/2, (H−1)/2)}. Each output pixel samples the input bilinearly
   * at its inverse-rotated position, {@code dx = (x−cx)cosθ − (y−cy)sinθ},
   * {@code dy = (x−cx)sinθ + (y−cy)cosθ}; neighbours outside the image count as {@code fill}.
   */
  public static float[] rotate(float[] in, ImageSize s, double degrees, float fill) {
    int h = s.height();
    int w = s.width();
    double theta = Math.toRadians(degrees);
    double cos = Math.cos(theta);
    double sin = Math.sin(theta);
    double cx = (w - 1) / 2.0;
    double cy = (h - 1) / 2.0;
    float[] out = new float[in.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double dx = x - cx;
        double dy = y - cy;
        double fx = cx + dx * cos - dy * sin;
        double fy = cy + dx * sin + dy * cos;
        for (int c = 0; c < s.channels(); c++) {
          out[(c * h + y) * w + x] = bilinear(in, c * h * w, h, w, fx, fy, fill);
        }
      }
    }
    return out;
  }

  /**
   * Shifts by whole pixels, {@code out(x, y) = in(x − dx, y − dy)}, {@code fill} where the
   * source lies outside (torchvision's {@code RandomAffine} rounds its translation to pixels).
   */
  public static float[] translate(float[] in, ImageSize s, int dx, int dy, float fill) {
    int h = s.height();
    int w = s.width();
    float[] out = new float[in.length];
    for (int c = 0; c < s.channels(); c++) {
      int base = c * h * w;
      for (int y = 0; y < h; y++) {
        int sy = y - dy;
        for (int x = 0; x < w; x++) {
          int sx = x - dx;
          out[base + y * w + x] = sx >= 0 && sx < w && sy >= 0 && sy < h ? in[base + sy * w + sx] : fill;
        }
      }
    }
    return out;
  }

  /** Bilinear value of one channel at {@code (fx, fy)}; neighbours outside the image are {@code fill}. */
  static float bilinear(float[] in, int base, int h, int w, double fx, double fy, float fill) {
    int x0 = (int) Math.floor(fx);
    int y0 = (int) Math.floor(fy);
    double tx = fx - x0;
    double ty = fy - y0;
    double v00 = at(in, base, h, w, x0, y0, fill);
    double v10 = at(in, base, h, w, x0 + 1, y0, fill);
    double v01 = at(in, base, h, w, x0, y0 + 1, fill);
    double v11 = at(in, base, h, w, x0 + 1, y0 + 1, fill);
    return (float) ((v00 * (1 - tx) + v10 * tx) * (1 - ty) + (v01 * (1 - tx) + v11 * tx) * ty);
  }

  private static float at(float[] in, int base, int h, int w, int x, int y, float fill) {
    return x >= 0 && x < w && y >= 0 && y < h ? in[base + y * w + x] : fill;
  }

  static double uniform(SplittableRandom random, double low, double high) {
    return low == high ? low : low + (high - low) * random.nextDouble();
  }

  private static double clamp(double v, double low, double high) {
    return Math.max(low, Math.min(high, v));
  }
}
