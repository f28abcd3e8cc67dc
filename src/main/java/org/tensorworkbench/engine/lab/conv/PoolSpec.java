package org.tensorworkbench.engine.lab.conv;

/**
 * A pooling stage (d2l 7.5): the maximum or the mean of each {@code window x window} patch, moved
 * by {@code stride}, without padding. Written {@code max:2} (window 2, stride 2) or {@code avg:3:1}.
 */
public record PoolSpec(Type type, int window, int stride) {

  /** Which statistic of the window the stage keeps. */
  public enum Type {
    MAX,
    AVG
  }

  public PoolSpec {
    if (window < 1 || stride < 1) {
      throw new ConvLabException("kernels.error.pool", type.name().toLowerCase(java.util.Locale.ROOT) + ":" + window + ":" + stride);
    }
  }

  /** Parses {@code type:window[:stride]}; the stride defaults to the window. */
  public static PoolSpec parse(String text) {
    String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split(":");
    try {
      Type type = switch (parts[0]) {
        case "max" -> Type.MAX;
        case "avg", "mean", "average" -> Type.AVG;
        default -> throw new ConvLabException("kernels.error.pool", text);
      };
      if (parts.length < 2 || parts.length > 3) {
        throw new ConvLabException("kernels.error.pool", text);
      }
      int window = Integer.parseInt(parts[1]);
      int stride = parts.length == 3 ? Integer.parseInt(parts[2]) : window;
      return new PoolSpec(type, window, stride);
    } catch (NumberFormatException e) {
      throw new ConvLabException(e, "kernels.error.pool", text);
    }
  }

  public String format() {
    return type.name().toLowerCase(java.util.Locale.ROOT) + ":" + window + ":" + stride;
  }
}
