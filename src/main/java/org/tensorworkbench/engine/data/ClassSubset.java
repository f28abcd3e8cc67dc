package org.tensorworkbench.engine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Some classes of a classification dataset as a dataset of their own, relabelled 0..k−1 in the
 * order given, e.g. Fashion-MNIST's classes 5–9 (sandal ... ankle boot) as a five-class task.
 * Optionally only {@code trainCount} training images, drawn at random (seeded) from those
 * classes: the "small labelled set" of a fine-tuning task (d2l 14.2). The test split keeps
 * every test image of the chosen classes (or the first {@code testCount}); the normalization is
 * fitted again on the chosen training images, as for any loaded dataset.
 */
public final class ClassSubset {
  /** The random stream of {@link EpochOrder} used to draw the training images. */
  private static final int DRAW_STREAM = -5;

  private ClassSubset() {}

  /**
   * @param classes the source's class indices to keep, in the new label order (at least two, no repeats)
   * @param trainCount training images to keep (0 = all of those classes)
   * @param testCount test images to keep (0 = all of those classes)
   * @param seed draws the training images
   */
  public static Dataset of(Dataset source, int[] classes, int trainCount, int testCount, long seed) {
    if (source.task() != Task.CLASSIFICATION) {
      throw new DatasetException("data.error.option", "classes", source.name());
    }
    int[] newLabel = new int[source.classCount()];
    Arrays.fill(newLabel, -1);
    for (int i = 0; i < classes.length; i++) {
      int c = classes[i];
      if (c < 0 || c >= newLabel.length || newLabel[c] >= 0) {
        throw new DatasetException("data.error.option", "classes", Arrays.toString(classes));
      }
      newLabel[c] = i;
    }
    if (classes.length < 2 || trainCount < 0 || testCount < 0) {
      throw new DatasetException("data.error.option", "classes/trainCount/testCount",
          Arrays.toString(classes) + "/" + trainCount + "/" + testCount);
    }
    List<String> sourceNames = source.classNames();
    List<String> names = new ArrayList<>();
    for (int c : classes) {
      names.add(sourceNames.get(c));
    }
    int[] trainRows = rowsOf(source.train(), newLabel);
    if (trainCount > 0 && trainCount < trainRows.length) {
      int[] order = EpochOrder.shuffled(trainRows.length, seed, DRAW_STREAM);
      int[] drawn = new int[trainCount];
      for (int i = 0; i < trainCount; i++) {
        drawn[i] = trainRows[order[i]];
      }
      Arrays.sort(drawn);
      trainRows = drawn;
    }
    int[] testRows = rowsOf(source.test(), newLabel);
    if (testCount > 0 && testCount < testRows.length) {
      testRows = Arrays.copyOf(testRows, testCount);
    }
    DatasetBuilder b = new DatasetBuilder(source.name() + " " + describe(classes), Task.CLASSIFICATION,
        source.featureShape());
    b.classNames = names;
    b.train(source.train().store().select(trainRows), relabel(source.train(), trainRows, newLabel), null);
    b.test(source.test().store().select(testRows), relabel(source.test(), testRows, newLabel), null);
    b.description("data.describe.subset", source.name(), describe(classes), trainRows.length, testRows.length);
    return b.build(DatasetOptions.defaults());
  }

  /** The classes as a person writes them: "5-9" for a run, else "0,2,7". */
  public static String describe(int[] classes) {
    boolean run = classes.length > 1;
    for (int i = 1; i < classes.length; i++) {
      run &= classes[i] == classes[i - 1] + 1;
    }
    if (run) {
      return classes[0] + "-" + classes[classes.length - 1];
    }
    StringBuilder s = new StringBuilder();
    for (int c : classes) {
      s.append(s.length() == 0 ? "" : ",").append(c);
    }
    return s.toString();
  }

  /** Parses "0-4", "5-9" or "0,2,7" into class indices (throws {@code data.error.option} otherwise). */
  public static int[] parse(String text) {
    try {
      String t = text.strip();
      if (t.matches("\\d+-\\d+")) {
        int from = Integer.parseInt(t.substring(0, t.indexOf('-')));
        int to = Integer.parseInt(t.substring(t.indexOf('-') + 1));
        if (to - from < 1 || to - from > 1000) {
          throw new NumberFormatException(t);
        }
        int[] classes = new int[to - from + 1];
        for (int i = 0; i < classes.length; i++) {
          classes[i] = from + i;
        }
        return classes;
      }
      return Arrays.stream(t.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
    } catch (NumberFormatException e) {
      throw new DatasetException("data.error.option", "classes", text);
    }
  }

  private static int[] rowsOf(DatasetSplit split, int[] newLabel) {
    int[] labels = split.labels();
    return java.util.stream.IntStream.range(0, labels.length).filter(i -> newLabel[labels[i]] >= 0).toArray();
  }

  private static int[] relabel(DatasetSplit split, int[] rows, int[] newLabel) {
    int[] labels = split.labels();
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = newLabel[labels[rows[i]]];
    }
    return out;
  }
}
