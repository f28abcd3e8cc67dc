package org.tensorworkbench.engine.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * One mini-batch, ready for a network.
 *
 * @param features normalized float32 features: {@code [B, C, H, W]} for images, {@code [B, D]} for tables
 * @param labels float32 targets: one-hot {@code [B, K]} for classification, {@code [B, 1]} for regression
 * @param classIndices the class index of each sample (classification), empty for regression
 * @param sampleIndices each sample's row in its {@link DatasetSplit}, e.g. to show misclassified images
 */
public record Batch(INDArray features, INDArray labels, int[] classIndices, int[] sampleIndices) {

  /** The number of samples in this batch. */
  public int size() {
    return sampleIndices.length;
  }

  /** The same arrays as an ND4J {@link DataSet} (no copy), for {@code SameDiff.fit}/{@code evaluate}. */
  public DataSet toDataSet() {
    return new DataSet(features, labels);
  }
}
