package org.tensorworkbench.engine.augment;

import org.tensorworkbench.engine.data.BatchAugmenter;
import org.tensorworkbench.engine.data.Normalization;

/**
 * Runs an {@link AugmentPipeline} on normalized training minibatches: each value is taken back
 * to [0, 1] ({@code v = raw / divisor}, with {@code raw} from {@link Normalization#invert}), the
 * images are augmented there (so brightness, fill colours and noise mean the same as in the
 * preview), and the result is normalized again.
 */
public final class TrainingAugmenter implements BatchAugmenter {
  private final AugmentPipeline pipeline;

  public TrainingAugmenter(AugmentPipeline pipeline) {
    this.pipeline = pipeline;
  }

  public AugmentPipeline pipeline() {
    return pipeline;
  }

  @Override
  public void requireShape(int[] featureShape) {
    pipeline.requireFits(ImageSize.of(featureShape));
  }

  @Override
  public void augment(float[] features, int n, int[] featureShape, Normalization normalization, long seed) {
    ImageSize s = ImageSize.of(featureShape);
    int size = s.values();
    float divisor = normalization.divisor();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < size; j++) {
        features[i * size + j] = normalization.invert(features[i * size + j], j) / divisor;
      }
    }
    pipeline.applyBatch(features, n, s, seed); // [N, C, H, W] in [0, 1]
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < size; j++) {
        features[i * size + j] = normalization.apply(features[i * size + j] * divisor, j);
      }
    }
  }
}
