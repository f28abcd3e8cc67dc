package org.tensorworkbench.engine.image;

/**
 * The workbench's colour maps, one for each kind of value, used by every screen and the command
 * line. Signed values (weights, pre-activation feature maps, convolution outputs) use a diverging map, blue for negative, white for zero, red for positive (ColorBrewer RdBu),
 * so the sign is seen at once; images use grey, 0 black and 1 white, as stored.
 */
public final class ColourMaps {
  private static final int[] NEGATIVE = {0x21, 0x66, 0xac};
  private static final int[] POSITIVE = {0xb2, 0x18, 0x2b};
  private static final int[] HEAT = {0x25, 0x63, 0xa8};

  private ColourMaps() {}

  /** {@code value} on the diverging map, {@code -scale} full blue and {@code +scale} full red. */
  public static int signed(double value, double scale) {
    double t = scale > 0 ? Math.max(-1, Math.min(1, value / scale)) : 0;
    int[] end = t < 0 ? NEGATIVE : POSITIVE;
    return blendFromWhite(end, Math.abs(t));
  }

  /** Grey for a value in [0, 1] (clamped). */
  public static int grey(double value) {
    int g = (int) Math.round(Math.max(0, Math.min(1, value)) * 255);
    return 0xff000000 | g << 16 | g << 8 | g;
  }

  /** RGB from three values in [0, 1] (clamped). */
  public static int rgb(double r, double g, double b) {
    return 0xff000000 | channel(r) << 16 | channel(g) << 8 | channel(b);
  }

  /** A share in [0, 1] as white to the accent blue: the confusion-matrix cells. */
  public static int heat(double share) {
    return blendFromWhite(HEAT, Math.max(0, Math.min(1, share)));
  }

  /** Whether text drawn on {@code argb} should be white rather than black. */
  public static boolean isDark(int argb) {
    int r = argb >> 16 & 0xff;
    int g = argb >> 8 & 0xff;
    int b = argb & 0xff;
    return 0.299 * r + 0.587 * g + 0.114 * b < 140;
  }

  private static int blendFromWhite(int[] end, double t) {
    int r = (int) Math.round(255 + (end[0] - 255) * t);
    int g = (int) Math.round(255 + (end[1] - 255) * t);
    int b = (int) Math.round(255 + (end[2] - 255) * t);
    return 0xff000000 | r << 16 | g << 8 | b;
  }

  private static int channel(double v) {
    return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
  }
}
