package org.tensorworkbench.engine.lab.conv;

/**
 * How output values become screen brightness. Convolution outputs are signed and unbounded, so
 * there is no single right mapping; each of these shows something different.
 *
 * <ul>
 *   <li>{@link #CLIP}: values clipped to the input's range [0, white] (what saving as 8-bit does);
 *   <li>{@link #MIN_MAX}: the output's own min → black, max → white;
 *   <li>{@link #ABS}: |v| / max|v| — edges of both signs light up;
 *   <li>{@link #DIVERGING}: blue for negative, white for 0, red for positive, scaled by max|v|.
 * </ul>
 */
public enum DisplayMode {
  CLIP,
  MIN_MAX,
  ABS,
  DIVERGING;

  public String id() {
    return switch (this) {
      case CLIP -> "clip";
      case MIN_MAX -> "minmax";
      case ABS -> "abs";
      case DIVERGING -> "diverging";
    };
  }

  public static DisplayMode byId(String id) {
    for (DisplayMode m : values()) {
      if (m.id().equalsIgnoreCase(id)) {
        return m;
      }
    }
    throw new ConvLabException("kernels.error.unknownDisplay", id);
  }
}
