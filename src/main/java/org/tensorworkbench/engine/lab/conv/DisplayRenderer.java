package org.tensorworkbench.engine.lab.conv;

import org.tensorworkbench.engine.image.ColourMaps;
import org.tensorworkbench.engine.image.Raster;

/**
 * Turns feature maps into display pixels with a {@link DisplayMode}. One channel becomes a grey
 * image (or a blue-white-red one in {@link DisplayMode#DIVERGING}); three channels shown together
 * become a colour image with the same mapping for R, G and B, diverging around mid-grey.
 */
public final class DisplayRenderer {
  private DisplayRenderer() {}

  /** Shows all channels of image {@code n}: 1 → grey, 3 → colour. */
  public static Raster render(FeatureMaps maps, int n, DisplayMode mode, float white) {
    if (maps.channels() != 1 && maps.channels() != 3) {
      throw new IllegalArgumentException("render one channel or three, not " + maps.channels());
    }
    int plane = maps.height() * maps.width();
    int offset = n * maps.channels() * plane;
    Mapping m = Mapping.of(maps.data(), offset, maps.channels() * plane, mode, white);
    int[] argb = new int[plane];
    if (maps.channels() == 1) {
      float[] d = maps.data();
      for (int i = 0; i < plane; i++) {
        argb[i] = m.single(d[offset + i]);
      }
    } else {
      float[] d = maps.data();
      for (int i = 0; i < plane; i++) {
        argb[i] = ColourMaps.rgb(m.level(d[offset + i]), m.level(d[offset + plane + i]),
            m.level(d[offset + 2 * plane + i]));
      }
    }
    return new Raster(maps.width(), maps.height(), argb);
  }

  /** Shows one channel of image {@code n}. */
  public static Raster renderChannel(FeatureMaps maps, int n, int channel, DisplayMode mode, float white) {
    int plane = maps.height() * maps.width();
    float[] one = new float[plane];
    System.arraycopy(maps.data(), maps.index(n, channel, 0, 0), one, 0, plane);
    return render(new FeatureMaps(1, 1, maps.height(), maps.width(), one), 0, mode, white);
  }

  /** Shows √(Σ_c v_c²) of image {@code n}: the gradient magnitude when the channels are g_x, g_y. */
  public static Raster renderMagnitude(FeatureMaps maps, int n, DisplayMode mode, float white) {
    return render(magnitude(maps, n), 0, mode, white);
  }

  /** √(Σ_c v_c²) per pixel of image {@code n}, as one channel. */
  public static FeatureMaps magnitude(FeatureMaps maps, int n) {
    int plane = maps.height() * maps.width();
    float[] mag = new float[plane];
    for (int c = 0; c < maps.channels(); c++) {
      int base = maps.index(n, c, 0, 0);
      for (int i = 0; i < plane; i++) {
        float v = maps.data()[base + i];
        mag[i] += v * v;
      }
    }
    for (int i = 0; i < plane; i++) {
      mag[i] = (float) Math.sqrt(mag[i]);
    }
    return new FeatureMaps(1, 1, maps.height(), maps.width(), mag);
  }

  /** A value → [0, 1] mapping fixed from the data's range, coloured by {@link ColourMaps} (grey, RGB, or diverging). */
  private record Mapping(DisplayMode mode, float lo, float hi, float maxAbs) {

    static Mapping of(float[] d, int from, int count, DisplayMode mode, float white) {
      float lo = Float.POSITIVE_INFINITY;
      float hi = Float.NEGATIVE_INFINITY;
      for (int i = from; i < from + count; i++) {
        lo = Math.min(lo, d[i]);
        hi = Math.max(hi, d[i]);
      }
      float maxAbs = Math.max(Math.abs(lo), Math.abs(hi));
      return switch (mode) {
        case CLIP -> new Mapping(mode, 0, white, maxAbs);
        default -> new Mapping(mode, lo, hi, maxAbs);
      };
    }

    /** The value as a level in [0, 1] (clamped by the colour map). */
    double level(float v) {
      return switch (mode) {
        case CLIP -> v / hi;
        case MIN_MAX -> hi > lo ? (v - lo) / (hi - lo) : 0;
        case ABS -> maxAbs > 0 ? Math.abs(v) / maxAbs : 0;
        case DIVERGING -> maxAbs > 0 ? 0.5 + 0.5 * v / maxAbs : 0.5;
      };
    }

    int single(float v) {
      return mode == DisplayMode.DIVERGING ? ColourMaps.signed(v, maxAbs) : ColourMaps.grey(level(v));
    }
  }
}
