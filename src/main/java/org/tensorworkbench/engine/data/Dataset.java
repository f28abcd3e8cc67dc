package org.tensorworkbench.engine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tensorworkbench.i18n.Messages;

/**
 * A loaded dataset: train, validation and test {@link DatasetSplit}s sharing one feature shape,
 * one task, one class list and one {@link Normalization} fitted on the training split.
 *
 * <p>Obtain one from {@link DatasetRegistry#load}. Typical training use:
 * <pre>{@code
 * Dataset data = new DatasetRegistry(projectHome).load("fashion-mnist", DatasetOptions.defaults());
 * BatchIterator it = data.train().iterator(256, true, 1);   // features [256, 1, 28, 28], labels [256, 10]
 * while (it.hasNext()) { Batch b = it.nextBatch(); ... }
 * }</pre>
 * Immutable and safe to share between threads.
 */
public final class Dataset {
  private final String name;
  private final String descriptionKey;
  private final Object[] descriptionArgs;
  private final Task task;
  private final int[] featureShape;
  private final List<String> featureNames;
  private final String targetName;
  private final List<String> classLiterals;
  private final String classKeyPrefix;
  private final Normalization normalization;
  private final DatasetSplit train;
  private final DatasetSplit validation;
  private final DatasetSplit test;
  private final int scatterX;
  private final int scatterY;

  Dataset(DatasetBuilder b, DatasetSplit train, DatasetSplit validation, DatasetSplit test, Normalization normalization) {
    this.name = b.name;
    this.descriptionKey = b.descriptionKey;
    this.descriptionArgs = b.descriptionArgs.clone();
    this.task = b.task;
    this.featureShape = b.featureShape.clone();
    this.featureNames = List.copyOf(b.featureNames);
    this.targetName = b.targetName;
    this.classLiterals = List.copyOf(b.classNames);
    this.classKeyPrefix = b.classKeyPrefix;
    this.normalization = normalization;
    this.train = train;
    this.validation = validation;
    this.test = test;
    this.scatterX = b.scatterX;
    this.scatterY = b.scatterY;
  }

  /**
   * A regression dataset from rows already prepared by a lab (e.g. one fold of a K-fold split):
   * the features are used as they are (no scaling), {@code test} is the split evaluated.
   *
   * @param description the bundle key and arguments describing where the rows come from
   */
  public static Dataset regression(String name, SyntheticData train, SyntheticData test, String description,
      Object... descriptionArgs) {
    DatasetBuilder b = new DatasetBuilder(name, Task.REGRESSION, new int[] {train.columns()});
    b.tableScaling = DatasetOptions.Scaling.RAW;
    b.targetName = "y";
    b.generated(train);
    b.test(new FeatureStore.Floats(test.features(), test.columns()), null, test.targets());
    b.description(description, descriptionArgs);
    return b.build(DatasetOptions.defaults().withScaling(DatasetOptions.Scaling.RAW));
  }

  /** The registry name, e.g. {@code fashion-mnist}, or the file name of a user's CSV or folder. */
  public String name() {
    return name;
  }

  /** Content, size, source and licence in the current language. */
  public String description() {
    return Messages.get(descriptionKey, descriptionArgs);
  }

  public Task task() {
    return task;
  }

  /** The shape of one sample: {@code [C, H, W]} for images, {@code [D]} for tables. */
  public int[] featureShape() {
    return featureShape.clone();
  }

  /** Whether the samples are images. */
  public boolean isImages() {
    return featureShape.length == 3;
  }

  /** Column names of a table's features (empty for images). */
  public List<String> featureNames() {
    return featureNames;
  }

  /** The name of the predicted column (e.g. {@code MEDV}) or "class". */
  public String targetName() {
    return targetName;
  }

  /** The number of classes (0 for regression). */
  public int classCount() {
    return task == Task.CLASSIFICATION ? classLiterals.size() : 0;
  }

  /** Class names in the current language (e.g. Fashion-MNIST's clothing names). */
  public List<String> classNames() {
    return classNames(Messages.locale());
  }

  /** Class names in {@code locale}. */
  public List<String> classNames(Locale locale) {
    if (classKeyPrefix == null) {
      return classLiterals;
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < classLiterals.size(); i++) {
      names.add(Messages.get(locale, classKeyPrefix + i));
    }
    return names;
  }

  /** The normalization applied to every split's features, fitted on the training split. */
  public Normalization normalization() {
    return normalization;
  }

  public DatasetSplit train() {
    return train;
  }

  /** The held-out validation split (empty unless {@link DatasetOptions#validationFraction()} > 0). */
  public DatasetSplit validation() {
    return validation;
  }

  public DatasetSplit test() {
    return test;
  }

  /**
   * A summary for display: up to {@code maxImages} training images, or the first
   * {@code maxRows} table rows and up to {@code maxPoints} scatter points.
   */
  public DatasetPreview preview(int maxImages, int maxRows, int maxPoints) {
    int f = train.featureSize();
    int images = isImages() ? Math.min(maxImages, train.size()) : 0;
    float[] pixels = new float[images * f]; // [n, C, H, W]
    int[] sampleLabels = new int[images];
    for (int i = 0; i < images; i++) {
      for (int j = 0; j < f; j++) {
        pixels[i * f + j] = train.rawFeature(i, j) / 255f;
      }
      sampleLabels[i] = task == Task.CLASSIFICATION ? train.label(i) : 0;
    }
    List<String> columns = new ArrayList<>();
    int rows = 0;
    float[] table = new float[0];
    if (!isImages()) {
      columns.addAll(featureNames);
      columns.add(targetName);
      rows = Math.min(maxRows, train.size());
      table = new float[rows * columns.size()];
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < f; j++) {
          table[r * columns.size() + j] = train.rawFeature(r, j);
        }
        table[r * columns.size() + f] = task == Task.CLASSIFICATION ? train.label(r) : train.target(r);
      }
    }
    int points = scatterX >= 0 ? Math.min(maxPoints, train.size()) : 0;
    float[] xs = new float[points];
    float[] ys = new float[points];
    int[] classes = new int[task == Task.CLASSIFICATION ? points : 0];
    for (int i = 0; i < points; i++) {
      xs[i] = train.rawFeature(i, scatterX);
      ys[i] = scatterY >= 0 ? train.rawFeature(i, scatterY) : train.target(i);
      if (classes.length > 0) {
        classes[i] = train.label(i);
      }
    }
    String xName = points > 0 ? featureNames.get(scatterX) : "";
    String yName = points > 0 ? (scatterY >= 0 ? featureNames.get(scatterY) : targetName) : "";
    return new DatasetPreview(name, description(), task, train.size(), validation.size(), test.size(),
        featureShape.clone(), classNames(), train.classCounts(), normalization.describe(), images, pixels,
        sampleLabels, columns, rows, table, xName, yName, xs, ys, classes);
  }

  @Override
  public String toString() {
    return name + " " + task + " " + Arrays.toString(featureShape) + " train " + train.size()
        + " / validation " + validation.size() + " / test " + test.size();
  }
}
