package org.tensorworkbench.engine.data;

/**
 * Changes the features of a training minibatch on the fly (image augmentation, d2l 14.1). Only
 * a training iterator uses one ({@link BatchIterator#augmentWith}); evaluation batches are
 * never augmented. It runs on a prefetching thread of its own, so it must not share mutable
 * state between calls.
 */
public interface BatchAugmenter {
  /**
   * Leaves the features as they are: with it a training iterator only cuts and normalizes its
   * next batches ahead on its producer thread, off the trainer's.
   */
  BatchAugmenter NONE = new BatchAugmenter() {
    @Override
    public void requireShape(int[] featureShape) {}

    @Override
    public void augment(float[] features, int n, int[] featureShape, Normalization normalization, long seed) {}
  };

  /** Refuses, with a message, features of a shape it cannot change (e.g. a table). */
  void requireShape(int[] featureShape);

  /**
   * Augments {@code n} samples in place.
   *
   * @param features the normalized features {@code [N, ...featureShape]}, flat
   * @param featureShape the shape of one sample
   * @param normalization the map from stored values to {@code features}
   * @param seed decides every random choice: the same seed gives the same batch
   */
  void augment(float[] features, int n, int[] featureShape, Normalization normalization, long seed);
}
