package org.tensorworkbench.engine.data;

/** What a dataset's labels are: class indices (cross-entropy) or real-valued targets (squared loss). */
public enum Task {
  /** Labels are class indices 0..K-1; batches also carry them one-hot, {@code [N, K]}. */
  CLASSIFICATION,
  /** Labels are real numbers; batches carry them as {@code [N, 1]}. */
  REGRESSION
}
