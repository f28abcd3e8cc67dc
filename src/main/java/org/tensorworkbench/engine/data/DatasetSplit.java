package org.tensorworkbench.engine.data;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One part of a dataset (train, validation or test): its samples in one contiguous array plus
 * their labels, and the {@link Normalization} applied whenever features are handed out.
 *
 * <p>Batches are cut by index: the rows are copied (and normalized) into one new {@code float[]}
 * which becomes the batch's INDArray, with no object per sample, so building a Fashion-MNIST
 * batch of 256 takes well under a millisecond; a training iterator writes each batch into the
 * arrays of one it handed out before ({@link BatchIterator#recycle}). Immutable and safe to share
 * between threads; iterators hold their own position.
 */
public final class DatasetSplit {
  private final String name;
  private final FeatureStore store;
  private final int[] featureShape;
  private final Task task;
  private final int[] labels;
  private final float[] targets;
  private final int classCount;
  private final List<String> classNames;
  private final Normalization normalization;

  DatasetSplit(String name, FeatureStore store, int[] featureShape, Task task, int[] labels, float[] targets,
      List<String> classNames, Normalization normalization) {
    this.name = name;
    this.store = store;
    this.featureShape = featureShape.clone();
    this.task = task;
    this.labels = labels;
    this.targets = targets;
    this.classNames = List.copyOf(classNames);
    this.classCount = classNames.size();
    this.normalization = normalization;
  }

  /** {@code train}, {@code validation} or {@code test}. */
  public String name() {
    return name;
  }

  /** The number of samples. */
  public int size() {
    return store.rows();
  }

  /** The shape of one sample: {@code [C, H, W]} for images, {@code [D]} for tables. */
  public int[] featureShape() {
    return featureShape.clone();
  }

  /** The number of values per sample ({@code C*H*W} or {@code D}). */
  public int featureSize() {
    return store.rowSize();
  }

  public Task task() {
    return task;
  }

  /** The number of classes (0 for regression). */
  public int classCount() {
    return task == Task.CLASSIFICATION ? classCount : 0;
  }

  /** The normalization applied to features handed out by this split. */
  public Normalization normalization() {
    return normalization;
  }

  /** The class index of sample {@code i} (classification only). */
  public int label(int i) {
    requireTask(Task.CLASSIFICATION);
    return labels[i];
  }

  /** All class indices, in sample order (a copy). */
  public int[] labels() {
    requireTask(Task.CLASSIFICATION);
    return labels.clone();
  }

  /** The regression target of sample {@code i}. */
  public float target(int i) {
    requireTask(Task.REGRESSION);
    return targets[i];
  }

  /** All regression targets, in sample order (a copy). */
  public float[] targets() {
    requireTask(Task.REGRESSION);
    return targets.clone();
  }

  /**
   * The same samples normalized by {@code other}, e.g. the map a saved model recorded when it was
   * trained, so a model sees new data as it saw its training data. Shares the stored values.
   */
  public DatasetSplit withNormalization(Normalization other) {
    return new DatasetSplit(name, store, featureShape, task, labels, targets, classNames, other);
  }

  /** The stored (not normalized) value of feature {@code j} of sample {@code i}, e.g. a pixel 0-255. */
  public float rawFeature(int i, int j) {
    return store.raw(i, j);
  }

  /** The normalized features of sample {@code i}, flat in {@link #featureShape()} order. */
  public float[] features(int i) {
    float[] row = new float[store.rowSize()];
    store.copyNormalized(i, normalization, row, 0);
    return row;
  }

  /** How many samples each class has (classification), or an empty array. */
  public int[] classCounts() {
    if (task != Task.CLASSIFICATION) {
      return new int[0];
    }
    int[] counts = new int[classCount];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  /** Samples {@code from} (inclusive) to {@code to} (exclusive) in stored order, e.g. for evaluation in chunks. */
  public Batch batch(int from, int to) {
    if (from < 0 || to > size() || from > to) {
      throw new IndexOutOfBoundsException("rows " + from + ".." + to + " of " + size());
    }
    int[] rows = new int[to - from];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = from + i;
    }
    return batch(rows);
  }

  /** The samples at {@code rows}, in that order. */
  public Batch batch(int[] rows) {
    return batch(rows, normalizedRows(rows));
  }

  /** The normalized features of the samples at {@code rows}, flat {@code [B, ...featureShape]}. */
  float[] normalizedRows(int[] rows) {
    float[] x = new float[rows.length * store.rowSize()];
    normalizeInto(rows, x);
    return x;
  }

  /** The normalized features of the samples at {@code rows} into the start of {@code x}. */
  void normalizeInto(int[] rows, float[] x) {
    int f = store.rowSize();
    for (int i = 0; i < rows.length; i++) {
      store.copyNormalized(rows[i], normalization, x, i * f);
    }
  }

  /** The samples at {@code rows} with the given (normalized, perhaps augmented) features {@code x}. */
  Batch batch(int[] rows, float[] x) {
    float[] y = new float[rows.length * labelWidth()];
    int[] classes = labelsInto(rows, y);
    INDArray features = Nd4j.create(x, featureShape(rows.length), DataType.FLOAT); // [B, C, H, W] or [B, D]
    INDArray labels = Nd4j.create(y, new long[] {rows.length, labelWidth()}, DataType.FLOAT); // [B, K] or [B, 1]
    return new Batch(features, labels, classes, rows.clone());
  }

  /**
   * The samples at {@code rows}, with the given (normalized, perhaps augmented) features {@code x},
   * written into arrays of an earlier batch with as many rows, so a training epoch allocates
   * nothing per minibatch: a Fashion-MNIST batch of 256 is 0.8 MB, and every fresh native or Java
   * block of that size costs its page faults again (about a third of the MLP's first epoch went to
   * them). {@code y} is a scratch array of {@code rows.length} times the label width.
   *
   * @param features a FLOAT c-order array shaped as {@link #batch(int[])}'s features, without offset
   * @param labels likewise for the labels
   */
  Batch batchInto(int[] rows, float[] x, INDArray features, INDArray labels, float[] y) {
    int[] classes = labelsInto(rows, y);
    features.data().asNioFloat().put(0, x, 0, rows.length * store.rowSize());
    labels.data().asNioFloat().put(0, y, 0, rows.length * labelWidth());
    return new Batch(features, labels, classes, rows.clone());
  }

  /** Values per label row: the number of classes (one-hot), or 1 for a regression target. */
  int labelWidth() {
    return task == Task.CLASSIFICATION ? classCount : 1;
  }

  /** {@code [b, C, H, W]} or {@code [b, D]}: the shape of a batch of {@code b} samples' features. */
  long[] featureShape(int b) {
    long[] shape = new long[featureShape.length + 1];
    shape[0] = b;
    for (int d = 0; d < featureShape.length; d++) {
      shape[d + 1] = featureShape[d];
    }
    return shape;
  }

  // one-hot labels or targets into y; the class indices (empty for a regression)
  private int[] labelsInto(int[] rows, float[] y) {
    int b = rows.length;
    if (task == Task.CLASSIFICATION) {
      int[] classes = new int[b];
      Arrays.fill(y, 0, b * classCount, 0f);
      for (int i = 0; i < b; i++) {
        classes[i] = labels[rows[i]];
        y[i * classCount + classes[i]] = 1f;
      }
      return classes;
    }
    for (int i = 0; i < b; i++) {
      y[i] = targets[rows[i]];
    }
    return new int[0];
  }

  /**
   * Mini-batches of {@code batchSize}; with {@code shuffle}, a new seeded order every epoch
   * (see {@link BatchIterator}).
   */
  public BatchIterator iterator(int batchSize, boolean shuffle, long seed) {
    return new BatchIterator(this, batchSize, shuffle, seed, classNames);
  }

  /** A new split holding the given rows, in that order (copied). */
  DatasetSplit select(String newName, int[] rows) {
    int[] newLabels = null;
    float[] newTargets = null;
    if (task == Task.CLASSIFICATION) {
      newLabels = new int[rows.length];
      for (int i = 0; i < rows.length; i++) {
        newLabels[i] = labels[rows[i]];
      }
    } else {
      newTargets = new float[rows.length];
      for (int i = 0; i < rows.length; i++) {
        newTargets[i] = targets[rows[i]];
      }
    }
    return new DatasetSplit(newName, store.select(rows), featureShape, task, newLabels, newTargets, classNames,
        normalization);
  }

  FeatureStore store() {
    return store;
  }

  private void requireTask(Task expected) {
    if (task != expected) {
      throw new IllegalStateException("the " + name + " split is " + task + ", not " + expected);
    }
  }
}
