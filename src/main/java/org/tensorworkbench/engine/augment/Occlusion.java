package org.tensorworkbench.engine.augment;

import java.util.SplittableRandom;

/**
 * Augmentations that hide or disturb pixels, on images {@code [C, H, W]} with values in [0, 1].
 * <ul>
 *   <li>Gaussian noise: {@code out = clip(x + σ·z)}, {@code z ~ N(0, 1)} independently per value
 *       (torchvision's {@code GaussianNoise} with {@code clip=True});</li>
 *   <li>cutout (DeVries &amp; Taylor 2017): {@code count} squares of {@code size × size} pixels set
 *       to {@code fill} in every channel. Here each square lies wholly inside the image, its
 *       top-left corner uniform over the {@code (H−size+1)·(W−size+1)} places; squares may
 *       overlap.</li>
 * </ul>
 */
public final class Occlusion {
  private Occlusion() {}

  /** {@code out = clip(x + σ·z)}. */
  public static float[] noise(float[] in, double sigma, SplittableRandom random) {
    float[] out = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = Photometric.clip(in[i] + sigma * random.nextGaussian());
    }
    return out;
  }

  /** {@code count} squares of side {@code size} set to {@code fill}; {@code size} must fit the image. */
  public static float[] cutout(float[] in, ImageSize s, int size, int count, float fill, SplittableRandom random) {
    int h = s.height();
    int w = s.width();
    if (size > h || size > w) {
      throw new AugmentException("transfer.augment.error.cutoutTooLarge", size, h, w);
    }
    float[] out = in.clone();
    for (int k = 0; k < count; k++) {
      int top = random.nextInt(h - size + 1);
      int left = random.nextInt(w - size + 1);
      for (int c = 0; c < s.channels(); c++) {
        for (int y = top; y < top + size; y++) {
          java.util.Arrays.fill(out, (c * h + y) * w + left, (c * h + y) * w + left + size, fill);
        }
      }
    }
    return out;
  }
}
