package org.tensorworkbench.engine.image;

import org.tensorworkbench.engine.inspect.TensorSnapshot;

/** Turns snapshots {@code [C, H, W]} into {@link Raster}s, without the toolkit. */
public final class Rasters {
  private Rasters() {}

  /** An image with values in [0, 1]: grey for one channel, RGB for three, else its first channel. */
  public static Raster image(TensorSnapshot image) {
    int[] s = image.shape();
    return image(image.values(), 0, s[0], s[1], s[2]);
  }

  /**
   * The image {@code [channels, height, width]} starting at {@code offset} of {@code values} (one
   * example of a batch), values in [0, 1]: grey for one channel, RGB for three, else its first channel.
   */
  public static Raster image(float[] values, int offset, int channels, int height, int width) {
    int plane = height * width;
    int[] argb = new int[plane];
    for (int i = 0; i < plane; i++) {
      int p = offset + i;
      argb[i] = channels == 3 ? ColourMaps.rgb(values[p], values[p + plane], values[p + 2 * plane]) : ColourMaps.grey(values[p]);
    }
    return new Raster(width, height, argb);
  }

  /** Grey values in [0, 1], {@code [height, width]} row by row (a drawing, the pad's ink). */
  public static Raster grey(float[] values, int width, int height) {
    int[] argb = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      argb[i] = ColourMaps.grey(values[i]);
    }
    return new Raster(width, height, argb);
  }

  /**
   * Signed values {@code [C, H, W]} on the diverging map scaled by {@code scale} (blue −scale,
   * white 0, red +scale). Three channels (a colour filter) are shown as RGB around mid-grey,
   * 0.5 + v / (2·scale) per channel, as AlexNet's first-layer filters are usually pictured.
   */
  public static Raster signed(TensorSnapshot values, double scale) {
    int[] s = values.shape();
    int c = s[0];
    int h = s[1];
    int w = s[2];
    float[] v = values.values();
    int plane = h * w;
    int[] argb = new int[plane];
    double k = scale > 0 ? 0.5 / scale : 0;
    for (int i = 0; i < plane; i++) {
      argb[i] = c == 3
          ? ColourMaps.rgb(0.5 + v[i] * k, 0.5 + v[plane + i] * k, 0.5 + v[2 * plane + i] * k)
          : ColourMaps.signed(v[i], scale);
    }
    return new Raster(w, h, argb);
  }

  /** One channel {@code [H, W]} of a {@code [C, H, W]} snapshot, signed, scaled by its own largest |v|. */
  public static Raster channel(TensorSnapshot maps, int channel) {
    int[] s = maps.shape();
    int h = s[1];
    int w = s[2];
    float[] v = maps.values();
    int offset = channel * h * w;
    double scale = 0;
    for (int i = 0; i < h * w; i++) {
      scale = Math.max(scale, Math.abs(v[offset + i]));
    }
    int[] argb = new int[h * w];
    for (int i = 0; i < h * w; i++) {
      argb[i] = ColourMaps.signed(v[offset + i], scale);
    }
    return new Raster(w, h, argb);
  }

  /** The largest |v| of a snapshot (0 for an empty or all-zero one). */
  public static double maxAbs(TensorSnapshot values) {
    double m = 0;
    for (float f : values.values()) {
      m = Math.max(m, Math.abs(f));
    }
    return m;
  }

  /** The whole-number factor that makes a picture of {@code size} pixels about {@code target} pixels. */
  public static int factorFor(int size, int target) {
    return Math.max(1, Math.round((float) target / Math.max(1, size)));
  }
}
