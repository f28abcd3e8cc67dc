package org.tensorworkbench.engine.augment;

import java.util.SplittableRandom;

/**
 * The colour augmentations of d2l 14.1 as torchvision's {@code ColorJitter} defines them, on
 * images {@code [C, H, W]} with values in [0, 1]; every result is clipped to [0, 1]. A factor
 * {@code f} blends the image with a reference {@code r}: {@code out = clip(f·x + (1−f)·r)}.
 * <ul>
 *   <li>brightness: {@code r = 0}, i.e. {@code out = clip(f·x)};</li>
 *   <li>contrast: {@code r} = the mean of the image's grey levels ({@code 0.299R + 0.587G +
 *       0.114B} for colour images, the pixels themselves for grey ones);</li>
 *   <li>saturation: {@code r} = each pixel's own grey level;</li>
 *   <li>hue: the hue {@code H} of HSV shifted, {@code H ← (H + f) mod 1}.</li>
 * </ul>
 * A grey (single-channel) image has no saturation or hue: both are the identity on it, as in
 * torchvision. Unlike {@code ColorJitter}, which applies the four in a random order, each is a
 * step of its own in the pipeline's order.
 */
public final class Photometric {
  private Photometric() {}

  /** A jitter factor {@code f ~ U[max(0, 1 − amount), 1 + amount]}. */
  public static double factor(double amount, SplittableRandom random) {
    return Geometric.uniform(random, Math.max(0, 1 - amount), 1 + amount);
  }

  /** {@code out = clip(f·x)}. */
  public static float[] brightness(float[] in, double f) {
    float[] out = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = clip(f * in[i]);
    }
    return out;
  }

  /** {@code out = clip(f·x + (1−f)·m)}, {@code m} the mean grey level of the whole image. */
  public static float[] contrast(float[] in, ImageSize s, double f) {
    double mean = 0;
    int plane = s.plane();
    for (int i = 0; i < plane; i++) {
      mean += grey(in, s, i);
    }
    mean /= plane;
    double shift = (1 - f) * mean;
    float[] out = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = clip(f * in[i] + shift);
    }
    return out;
  }

  /** {@code out = clip(f·x + (1−f)·grey(pixel))} per pixel; the identity on a grey image. */
  public static float[] saturation(float[] in, ImageSize s, double f) {
    if (s.channels() != 3) {
      return in.clone();
    }
    float[] out = new float[in.length];
    int plane = s.plane();
    for (int i = 0; i < plane; i++) {
      double shift = (1 - f) * grey(in, s, i);
      for (int c = 0; c < 3; c++) {
        out[c * plane + i] = clip(f * in[c * plane + i] + shift);
      }
    }
    return out;
  }

  /**
   * Shifts each pixel's hue by {@code shift} of a full turn ({@code shift ∈ [−½, ½]}) in HSV,
   * keeping its saturation and value; the identity on a grey image.
   */
  public static float[] hue(float[] in, ImageSize s, double shift) {
    if (s.channels() != 3) {
      return in.clone();
    }
    float[] out = new float[in.length];
    int plane = s.plane();
    for (int i = 0; i < plane; i++) {
      double r = in[i];
      double g = in[plane + i];
      double b = in[2 * plane + i];
      double max = Math.max(r, Math.max(g, b));
      double chroma = max - Math.min(r, Math.min(g, b));
      double h = hueOf(r, g, b) + shift;
      h -= Math.floor(h);
      double[] rgb = hsvToRgb(h, max == 0 ? 0 : chroma / max, max);
      out[i] = clip(rgb[0]);
      out[plane + i] = clip(rgb[1]);
      out[2 * plane + i] = clip(rgb[2]);
    }
    return out;
  }

  /** The hue of an RGB colour as a fraction of a turn in [0, 1) (0 for greys). */
  public static double hueOf(double r, double g, double b) {
    double max = Math.max(r, Math.max(g, b));
    double chroma = max - Math.min(r, Math.min(g, b));
    if (chroma <= 0) {
      return 0;
    }
    double h = max == r ? (g - b) / chroma : max == g ? (b - r) / chroma + 2 : (r - g) / chroma + 4;
    h /= 6;
    return h - Math.floor(h);
  }

  private static double[] hsvToRgb(double h, double s, double v) {
    double sector = h * 6;
    int i = (int) Math.floor(sector) % 6;
    double f = sector - Math.floor(sector);
    double p = v * (1 - s);
    double q = v * (1 - s * f);
    double t = v * (1 - s * (1 - f));
    return switch (i) {
      case 0 -> new double[] {v, t, p};
      case 1 -> new double[] {q, v, p};
      case 2 -> new double[] {p, v, t};
      case 3 -> new double[] {p, q, v};
      case 4 -> new double[] {t, p, v};
      default -> new double[] {v, p, q};
    };
  }

  /** The grey level of pixel {@code i}: ITU-R 601 luma for colour images, the value itself for grey ones. */
  static double grey(float[] in, ImageSize s, int i) {
    if (s.channels() == 3) {
      int plane = s.plane();
      return 0.299 * in[i] + 0.587 * in[plane + i] + 0.114 * in[2 * plane + i];
    }
    return in[i];
  }

  static float clip(double v) {
    return (float) Math.max(0, Math.min(1, v));
  }
}
