package org.tensorworkbench.engine.data;

/**
 * Points made by a generator, before splitting: features row-major {@code [N, D]} and either
 * regression targets or class labels.
 *
 * @param features the feature values, {@code rows * columns} floats
 * @param columns D, the features per point
 * @param targets the regression targets (length N), or {@code null} for classification
 * @param labels the class indices (length N), or {@code null} for regression
 * @param classCount the number of classes (0 for regression)
 */
public record SyntheticData(float[] features, int columns, float[] targets, int[] labels, int classCount) {

  /** N, the number of points. */
  public int rows() {
    return features.length / columns;
  }

  /** Feature {@code j} of point {@code i}. */
  public float feature(int i, int j) {
    return features[i * columns + j];
  }
}
