package org.tensorworkbench.engine.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An ordered list of augmentation steps (d2l 14.1's {@code transforms.Compose}): each image goes
 * through the steps in order, each step applied with its own probability. Randomness comes only
 * from the seed: the same pipeline, images and seed always give the same outputs. In a batch,
 * image {@code i} draws from the {@code i}-th {@link SplittableRandom#split()} of the seed's
 * generator, so each image's result does not depend on the other images' draws.
 *
 * <p>Images are {@code [C, H, W]} float arrays with values in [0, 1]; the output has the same
 * shape (a resized crop is resized back to the image's size).
 */
public record AugmentPipeline(List<AugmentStep> steps) {

  public AugmentPipeline {
    steps = List.copyOf(steps);
  }

  /** No steps: every image passes unchanged. */
  public static AugmentPipeline empty() {
    return new AugmentPipeline(List.of());
  }

  /** Whether any step is switched on. */
  public boolean isActive() {
    return steps.stream().anyMatch(AugmentStep::enabled);
  }

  /** Refuses a pipeline that cannot work on images of size {@code s} (a cutout larger than the image). */
  public void requireFits(ImageSize s) {
    for (AugmentStep step : steps) {
      if (step.enabled()) {
        step.requireFits(s);
      }
    }
  }

  /** One augmented copy of {@code image} ({@code [C, H, W]}); the input is not changed. */
  public float[] apply(float[] image, ImageSize s, long seed) {
    requireLength(image.length, 1, s);
    return applyOne(image, s, new SplittableRandom(seed).split());
  }

  /** Augments a batch {@code [N, C, H, W]} in place, image {@code i} with the seed's {@code i}-th split. */
  public void applyBatch(float[] batch, int n, ImageSize s, long seed) {
    requireLength(batch.length, n, s);
    SplittableRandom root = new SplittableRandom(seed);
    int size = s.values();
    float[] image = new float[size];
    for (int i = 0; i < n; i++) {
      SplittableRandom random = root.split();
      System.arraycopy(batch, i * size, image, 0, size);
      float[] out = applyOne(image, s, random);
      System.arraycopy(out, 0, batch, i * size, size);
    }
  }

  private float[] applyOne(float[] image, ImageSize s, SplittableRandom random) {
    requireFits(s);
    float[] current = image;
    for (AugmentStep step : steps) {
      current = step.apply(current, s, random);
    }
    return current == image ? image.clone() : current;
  }

  /** The pipeline with {@code step} added at the end. */
  public AugmentPipeline with(AugmentStep step) {
    List<AugmentStep> list = new ArrayList<>(steps);
    list.add(step);
    return new AugmentPipeline(list);
  }

  /** The pipeline with step {@code index} replaced. */
  public AugmentPipeline replaced(int index, AugmentStep step) {
    List<AugmentStep> list = new ArrayList<>(steps);
    list.set(index, step);
    return new AugmentPipeline(list);
  }

  /** The pipeline without step {@code index}. */
  public AugmentPipeline without(int index) {
    List<AugmentStep> list = new ArrayList<>(steps);
    list.remove(index);
    return new AugmentPipeline(list);
  }

  /** The pipeline with step {@code index} moved to {@code target}. */
  public AugmentPipeline moved(int index, int target) {
    List<AugmentStep> list = new ArrayList<>(steps);
    list.add(target, list.remove(index));
    return new AugmentPipeline(list);
  }

  private static void requireLength(int length, int n, ImageSize s) {
    if (n < 0 || length != (long) n * s.values()) {
      throw new AugmentException("transfer.augment.error.imageShape", s.channels(), s.height(), s.width());
    }
  }
}
