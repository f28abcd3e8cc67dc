package org.tensorworkbench.engine.lab.playground;

import org.tensorworkbench.engine.image.Raster;

/**
 * The Playground's pictures as pixels, one per grid point of a {@link PlaneSnapshot}:
 * <ul>
 *   <li>the decision boundary: each pixel in the colour of the most probable class, its
 *       intensity the confidence (p_max − 1/K) / (1 − 1/K), white where the classes tie; for
 *       the curve, the colour says whether the point (x1, y) lies above or below the prediction
 *       f(x1) and the intensity is tanh(2·|y − f(x1)|), so the boundary is the predicted curve;
 *   <li>a neuron: its value on a diverging map (blue negative, white zero, orange positive),
 *       scaled by the largest magnitude of that neuron over the plane.
 * </ul>
 */
public final class PlaneImages {
  /** The class colours (RGB), also used for the points; class k has colour k. */
  private static final int[] CLASS_RGB = {0xF08A24, 0x1F77B4, 0x2CA02C, 0x9467BD, 0xD62728};
  private static final int NEGATIVE = 0x1F77B4;
  private static final int POSITIVE = 0xF08A24;

  private PlaneImages() {}

  /** The RGB colour of class {@code k}. */
  public static int classColour(int k) {
    return CLASS_RGB[k % CLASS_RGB.length];
  }

  /** The colour of a negative and a positive value in the neuron pictures (and weights). */
  public static int signColour(boolean positive) {
    return positive ? POSITIVE : NEGATIVE;
  }

  public static Raster boundary(PlaneSnapshot s) {
    int r = s.resolution();
    int[] argb = new int[r * r];
    int k = s.classCount();
    double[] out = s.outputs();
    for (int row = 0; row < r; row++) {
      for (int c = 0; c < r; c++) {
        int p = row * r + c;
        if (s.isRegression()) {
          double d = s.y(row) - out[c];
          argb[p] = blend(d > 0 ? NEGATIVE : POSITIVE, Math.tanh(2 * Math.abs(d)));
        } else {
          int best = 0;
          for (int j = 1; j < k; j++) {
            if (out[p * k + j] > out[p * k + best]) {
              best = j;
            }
          }
          double confidence = (out[p * k + best] - 1.0 / k) / (1 - 1.0 / k);
          argb[p] = blend(classColour(best), confidence);
        }
      }
    }
    return new Raster(r, r, argb);
  }

  /** Neuron {@code j} of layer {@code layer} (0 = the input features) over the plane. */
  public static Raster neuron(PlaneSnapshot s, int layer, int j) {
    int r = s.resolution();
    double max = 0;
    for (int p = 0; p < s.pointCount(); p++) {
      max = Math.max(max, Math.abs(s.layers()[layer][p * s.sizes()[layer] + j]));
    }
    int[] argb = new int[r * r];
    for (int row = 0; row < r; row++) {
      for (int c = 0; c < r; c++) {
        double v = s.neuron(layer, j, c, row);
        double t = max > 0 ? v / max : 0;
        argb[row * r + c] = blend(t >= 0 ? POSITIVE : NEGATIVE, Math.abs(t));
      }
    }
    return new Raster(r, r, argb);
  }

  /** White blended towards {@code rgb} by {@code t} in [0, 1] (clamped), opaque. */
  static int blend(int rgb, double t) {
    double a = Math.max(0, Math.min(1, t));
    int red = (int) Math.round(255 + ((rgb >> 16 & 0xff) - 255) * a);
    int green = (int) Math.round(255 + ((rgb >> 8 & 0xff) - 255) * a);
    int blue = (int) Math.round(255 + ((rgb & 0xff) - 255) * a);
    return 0xff000000 | red << 16 | green << 8 | blue;
  }
}
