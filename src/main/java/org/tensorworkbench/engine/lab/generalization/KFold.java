package org.tensorworkbench.engine.lab.generalization;

import java.util.SplittableRandom;
import org.tensorworkbench.engine.lab.tensor.LabInputException;

/**
 * K-fold cross-validation's split (d2l 5.7): the examples are shuffled with the seed and cut into
 * K folds of sizes differing by at most one, so every example is validated exactly once. Unlike
 * d2l's {@code get_k_fold_data}, which drops the last {@code n mod K} examples, none is left out.
 */
public final class KFold {
  public static final int MIN_FOLDS = 2;
  public static final int MAX_FOLDS = 10;

  private KFold() {}

  /** The example indices of each fold: {@code folds[k]} is fold k's validation set. */
  public static int[][] split(int examples, int k, long seed) {
    if (k < MIN_FOLDS || k > MAX_FOLDS) {
      throw new LabInputException("generalization.error.folds", k, MIN_FOLDS, MAX_FOLDS);
    }
    if (k > examples) {
      throw new LabInputException("generalization.error.foldsMoreThanData", k, examples);
    }
    int[] order = new int[examples];
    for (int i = 0; i < examples; i++) {
      order[i] = i;
    }
    LinearFit.shuffle(order, new SplittableRandom(seed));
    int[][] folds = new int[k][];
    int start = 0;
    for (int f = 0; f < k; f++) {
      int size = examples / k + (f < examples % k ? 1 : 0);
      folds[f] = java.util.Arrays.copyOfRange(order, start, start + size);
      start += size;
    }
    return folds;
  }

  /** Every index not in fold {@code f}: the training rows of that fold, in fold order. */
  public static int[] trainingRows(int[][] folds, int f) {
    int n = 0;
    for (int g = 0; g < folds.length; g++) {
      n += g == f ? 0 : folds[g].length;
    }
    int[] rows = new int[n];
    int at = 0;
    for (int g = 0; g < folds.length; g++) {
      if (g != f) {
        System.arraycopy(folds[g], 0, rows, at, folds[g].length);
        at += folds[g].length;
      }
    }
    return rows;
  }
}
