package org.tensorworkbench.engine.augment;

import org.tensorworkbench.engine.data.DatasetSplit;
import org.tensorworkbench.engine.data.Normalization;
import org.tensorworkbench.engine.image.Raster;
import org.tensorworkbench.engine.image.Rasters;
import org.tensorworkbench.engine.lab.conv.ImagePlanes;

/**
 * An image {@code [C, H, W]} with values in [0, 1], the form the augmentations work on: a
 * photograph scaled down for the preview, or a dataset sample with its normalization undone.
 */
public record AugmentImage(ImageSize size, float[] values) {

  public AugmentImage {
    if (values.length != size.values()) {
      throw new AugmentException("transfer.augment.error.imageShape", size.channels(), size.height(), size.width());
    }
  }

  /**
   * A loaded picture (values 0 to {@code fullScale}) divided by its full scale and shrunk by the
   * whole factor {@code k = ⌈max(H, W) / maxSide⌉}, each output pixel the mean of a {@code k × k}
   * block (edge blocks averaging what they cover).
   */
  public static AugmentImage of(ImagePlanes planes, int maxSide) {
    int k = Math.max(1, (Math.max(planes.height(), planes.width()) + maxSide - 1) / maxSide);
    int h = (planes.height() + k - 1) / k;
    int w = (planes.width() + k - 1) / k;
    ImageSize size = new ImageSize(planes.channels(), h, w);
    float[] out = new float[size.values()];
    for (int c = 0; c < planes.channels(); c++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double sum = 0;
          int n = 0;
          for (int yy = y * k; yy < Math.min(planes.height(), (y + 1) * k); yy++) {
            for (int xx = x * k; xx < Math.min(planes.width(), (x + 1) * k); xx++) {
              sum += planes.value(c, yy, xx);
              n++;
            }
          }
          out[(c * h + y) * w + x] = (float) (sum / n / planes.fullScale());
        }
      }
    }
    return new AugmentImage(size, out);
  }

  /** Sample {@code row} of a dataset split as stored, divided by 255 (the normalization undone). */
  public static AugmentImage of(DatasetSplit split, int row) {
    ImageSize size = ImageSize.of(split.featureShape());
    float[] values = split.features(row);
    Normalization n = split.normalization();
    for (int j = 0; j < values.length; j++) {
      values[j] = n.invert(values[j], j) / n.divisor();
    }
    return new AugmentImage(size, values);
  }

  /** This image augmented once by {@code pipeline} with {@code seed}. */
  public AugmentImage augmented(AugmentPipeline pipeline, long seed) {
    return new AugmentImage(size, pipeline.apply(values, size, seed));
  }

  /** The picture (grey or RGB). */
  public Raster raster() {
    return Rasters.image(values, 0, size.channels(), size.height(), size.width());
  }
}
