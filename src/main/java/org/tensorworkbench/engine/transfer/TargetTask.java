package org.tensorworkbench.engine.transfer;

import java.nio.file.Path;
import java.util.Arrays;
import org.tensorworkbench.engine.data.ClassSubset;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;

/**
 * The small labelled dataset a pretrained network is fine-tuned on, available without internet:
 * all ten Fashion-MNIST classes (for a network trained on MNIST digits: digits → clothes),
 * Fashion-MNIST's classes 5–9 (for one trained on classes 0–4: five garments → five others), or
 * the user's own folder of images with one subfolder per class, each image scaled (bilinear) and,
 * for a one-channel network, turned grey to the network's input.
 */
public sealed interface TargetTask {
  /** The smallest and largest number of labelled training images offered. */
  int MIN_IMAGES = 20;
  int MAX_IMAGES = 60_000;

  /**
   * Loads the task's data: {@code images} training images drawn at random (seeded) from the
   * training set (0 = all), and at most {@code testImages} test images (0 = all).
   *
   * @param inputShape the network's input [C, H, W] (a user folder is scaled to it)
   */
  Dataset load(DatasetRegistry registry, int images, int testImages, long seed, int[] inputShape);

  /** Some classes of a registered dataset. */
  record Classes(String dataset, int[] classes) implements TargetTask {
    public Classes {
      classes = classes.clone();
    }

    @Override
    public Dataset load(DatasetRegistry registry, int images, int testImages, long seed, int[] inputShape) {
      checkImages(images);
      Dataset all = registry.load(dataset, DatasetOptions.defaults());
      requireShape(all.featureShape(), inputShape, dataset);
      return ClassSubset.of(all, classes, images, testImages, seed);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Classes c && c.dataset.equals(dataset) && Arrays.equals(c.classes, classes);
    }

    @Override
    public int hashCode() {
      return dataset.hashCode() * 31 + Arrays.hashCode(classes);
    }

    @Override
    public String toString() {
      return dataset + " " + ClassSubset.describe(classes);
    }
  }

  /** The user's folder, one subfolder per class; a fifth of the images (seeded) is held out as test. */
  record Folder(Path folder) implements TargetTask {
    @Override
    public Dataset load(DatasetRegistry registry, int images, int testImages, long seed, int[] inputShape) {
      checkImages(images);
      if (inputShape.length != 3 || inputShape[0] != 1 && inputShape[0] != 3) {
        throw new TransferException("transfer.error.inputShape", Arrays.toString(inputShape));
      }
      Dataset data = registry.loadImageFolder(folder, inputShape[2], inputShape[1], inputShape[0] == 1,
          DatasetOptions.defaults().withSeed(seed).withLimit(images).withTestLimit(testImages));
      long withImages = Arrays.stream(data.train().classCounts()).filter(c -> c > 0).count();
      if (withImages < 2) {
        throw new TransferException("transfer.error.oneClass", folder);
      }
      return data;
    }
  }

  /** Fashion-MNIST, all ten classes: digits → clothes. */
  static TargetTask clothes() {
    return new Classes(DatasetRegistry.FASHION_MNIST, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  }

  /** Fashion-MNIST's classes 5–9 (sandal, shirt, sneaker, bag, ankle boot). */
  static TargetTask otherFiveClothes() {
    return new Classes(DatasetRegistry.FASHION_MNIST, new int[] {5, 6, 7, 8, 9});
  }

  private static void checkImages(int images) {
    if (images != 0 && (images < MIN_IMAGES || images > MAX_IMAGES)) {
      throw new TransferException("transfer.error.images", images, MIN_IMAGES, MAX_IMAGES);
    }
  }

  private static void requireShape(int[] data, int[] network, String dataset) {
    if (!Arrays.equals(data, network)) {
      throw new TransferException("transfer.error.shapeMismatch", dataset, Arrays.toString(data),
          Arrays.toString(network));
    }
  }
}
