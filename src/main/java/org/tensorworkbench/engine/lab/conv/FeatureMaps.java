package org.tensorworkbench.engine.lab.conv;

/**
 * A batch of feature maps as a plain array in NCHW order, the layout ND4J's {@code conv2d} reads
 * with {@code dataFormat = "NCHW"}: element (n, c, y, x) is at {@code ((n·C + c)·H + y)·W + x}.
 *
 * @param data {@code [N, C, H, W]}, row-major
 */
public record FeatureMaps(int batch, int channels, int height, int width, float[] data) {

  public FeatureMaps {
    if (batch < 1 || channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException("empty feature maps " + batch + "x" + channels + "x" + height + "x" + width);
    }
    if ((long) batch * channels * height * width != data.length) {
      throw new IllegalArgumentException("data length " + data.length + " does not match the shape");
    }
  }

  /** Zero-filled maps of the given shape. */
  public static FeatureMaps zeros(int batch, int channels, int height, int width) {
    return new FeatureMaps(batch, channels, height, width, new float[batch * channels * height * width]);
  }

  public int index(int n, int c, int y, int x) {
    return ((n * channels + c) * height + y) * width + x;
  }

  public float value(int n, int c, int y, int x) {
    return data[index(n, c, y, x)];
  }

  public long[] shape() {
    return new long[] {batch, channels, height, width};
  }

  /** The same numbers seen as {@code [1, N·C, H, W]}: the layouts are identical in memory. */
  public FeatureMaps batchAsChannels() {
    return new FeatureMaps(1, batch * channels, height, width, data);
  }

  /** The smallest value, or 0 for an empty map. */
  public float min() {
    float m = Float.POSITIVE_INFINITY;
    for (float v : data) {
      m = Math.min(m, v);
    }
    return m;
  }

  public float max() {
    float m = Float.NEGATIVE_INFINITY;
    for (float v : data) {
      m = Math.max(m, v);
    }
    return m;
  }
}
