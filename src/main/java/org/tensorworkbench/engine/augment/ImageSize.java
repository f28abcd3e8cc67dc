package org.tensorworkbench.engine.augment;

/**
 * The shape {@code [C, H, W]} of an image stored channel by channel, row by row in a
 * {@code float[]} with values in [0, 1] (the layout of a dataset sample after dividing by 255).
 */
public record ImageSize(int channels, int height, int width) {

  public ImageSize {
    if (channels < 1 || height < 1 || width < 1) {
      throw new AugmentException("transfer.augment.error.imageShape", channels, height, width);
    }
  }

  /** The shape of a {@code [C, H, W]} feature shape; anything else (a table) is refused. */
  public static ImageSize of(int[] featureShape) {
    if (featureShape.length != 3) {
      throw new AugmentException("transfer.augment.error.notImages", java.util.Arrays.toString(featureShape));
    }
    return new ImageSize(featureShape[0], featureShape[1], featureShape[2]);
  }

  /** {@code H * W}: the values of one channel. */
  public int plane() {
    return height * width;
  }

  /** {@code C * H * W}: the values of one image. */
  public int values() {
    return channels * height * width;
  }
}
