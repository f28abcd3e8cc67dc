package org.tensorworkbench.engine.data;

import java.util.List;

/**
 * What the Datasets screen shows about a loaded dataset, as plain Java values (no ND4J), texts
 * already in the current language.
 *
 * @param name the registry name, e.g. {@code mnist}
 * @param description one or two sentences: content, size, source and licence
 * @param task classification or regression
 * @param trainSize samples in the training split
 * @param validationSize samples in the validation split
 * @param testSize samples in the test split
 * @param featureShape the shape of one sample, {@code [C, H, W]} or {@code [D]}
 * @param classNames class names (empty for regression)
 * @param classCounts samples per class in the training split (empty for regression)
 * @param normalization the normalization applied, in words with its constants
 * @param sampleCount the number of sample images (0 for tables)
 * @param samplePixels the sample images {@code [sampleCount, C, H, W]}, stored values / 255 in [0, 1] for display
 * @param sampleLabels the class index of each sample image
 * @param columns the table's column names: features, then the target or class
 * @param tableRows the number of rows in {@code tableValues}
 * @param tableValues the first training rows as stored (not normalized), {@code [tableRows, columns]}
 * @param scatterXName the quantity on the scatter plot's x axis ("" when there is no plot)
 * @param scatterYName the quantity on the scatter plot's y axis
 * @param scatterX the points' x values (stored, not normalized)
 * @param scatterY the points' y values
 * @param scatterClasses each point's class, or empty for regression (one colour)
 */
public record DatasetPreview(
    String name,
    String description,
    Task task,
    int trainSize,
    int validationSize,
    int testSize,
    int[] featureShape,
    List<String> classNames,
    int[] classCounts,
    String normalization,
    int sampleCount,
    float[] samplePixels,
    int[] sampleLabels,
    List<String> columns,
    int tableRows,
    float[] tableValues,
    String scatterXName,
    String scatterYName,
    float[] scatterX,
    float[] scatterY,
    int[] scatterClasses) {

  /** Whether samples are images ({@code featureShape} is {@code [C, H, W]}). */
  public boolean isImages() {
    return featureShape.length == 3;
  }

  /** Whether there is a scatter plot. */
  public boolean hasScatter() {
    return scatterX.length > 0;
  }
}
