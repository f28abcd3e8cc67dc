package org.tensorworkbench.engine.lab.conv;

/**
 * An image as float planes {@code [C, H, W]} (C = 1 grey or 3 RGB), the input of the Kernel Lab.
 *
 * @param name what the image is called (file name or synthetic image id), shown to the user
 * @param fullScale the value of white: 255 for photographs, 1 for d2l's synthetic 0/1 images
 */
public record ImagePlanes(String name, int channels, int height, int width, float[] data, float fullScale) {

  public ImagePlanes {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("an image has 1 or 3 channels, not " + channels);
    }
    if (height < 1 || width < 1 || (long) channels * height * width != data.length) {
      throw new IllegalArgumentException("bad image shape " + channels + "x" + height + "x" + width);
    }
  }

  public float value(int c, int y, int x) {
    return data[(c * height + y) * width + x];
  }

  /**
   * The luma of an RGB image, Y = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601, what PIL's
   * {@code convert("L")} uses); a grey image is returned as it is.
   */
  public ImagePlanes grayscale() {
    if (channels == 1) {
      return this;
    }
    int plane = height * width;
    float[] y = new float[plane];
    for (int i = 0; i < plane; i++) {
      y[i] = 0.299f * data[i] + 0.587f * data[plane + i] + 0.114f * data[2 * plane + i];
    }
    return new ImagePlanes(name, 1, height, width, y, fullScale);
  }

  /** The image as a batch of one: {@code [1, C, H, W]}. */
  public FeatureMaps asBatch() {
    return new FeatureMaps(1, channels, height, width, data);
  }

  /** Each channel as its own one-channel image: {@code [C, 1, H, W]}, the same memory. */
  public FeatureMaps channelsAsBatch() {
    return new FeatureMaps(channels, 1, height, width, data);
  }
}
