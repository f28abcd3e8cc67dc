package org.tensorworkbench.engine.graph;

import java.util.Set;

/**
 * The SameDiff variable names of a compiled network. They depend only on the node ids of the
 * spec, so a graph loaded from a file can be used again without recompiling it, and a student
 * reads the same names ("conv1/W", "bn1/gamma") in the graph as in the builder.
 *
 * <p>Node ids never contain '/', so per-layer names cannot clash with node outputs, which are
 * named by the node id itself.
 */
public final class GraphNames {
  /** The features placeholder, [N, ...] with the example shape of the Input node. */
  public static final String INPUT = "input";
  /** The targets placeholder: one-hot [N, K] for softmax cross-entropy, [N, ...] for MSE. */
  public static final String LABELS = "labels";
  /** The scalar training loss (mean over the batch). */
  public static final String LOSS = "loss";
  /**
   * SameDiff's only train/inference switch: a BOOL scalar placeholder that fit and
   * calculateGradients fill with true and output/batchOutput/evaluate with false.
   */
  public static final String PHASE = "keras_learning_phase";

  /** Names a node id may not take because the graph itself uses them. */
  public static final Set<String> RESERVED = Set.of(INPUT, LABELS, LOSS, PHASE);

  private GraphNames() {}

  /** Weights of a dense ([in, out]) or convolution ([kH, kW, inC, outC]) layer. */
  public static String weights(String nodeId) {
    return nodeId + "/W";
  }

  public static String bias(String nodeId) {
    return nodeId + "/b";
  }

  /** Scale γ of a normalization layer. */
  public static String gamma(String nodeId) {
    return nodeId + "/gamma";
  }

  /** Shift β of a normalization layer. */
  public static String beta(String nodeId) {
    return nodeId + "/beta";
  }

  /** BatchNorm running mean: a constant updated by {@link BatchNormStatistics}, used at inference. */
  public static String runningMean(String nodeId) {
    return nodeId + "/running_mean";
  }

  /** BatchNorm running variance (unbiased), as {@link #runningMean}. */
  public static String runningVar(String nodeId) {
    return nodeId + "/running_var";
  }

  /** BatchNorm mean of the current batch, per feature or channel. */
  public static String batchMean(String nodeId) {
    return nodeId + "/batch_mean";
  }

  /** BatchNorm (biased) variance of the current batch, per feature or channel. */
  public static String batchVar(String nodeId) {
    return nodeId + "/batch_var";
  }

  /**
   * The 0/1 mask a Dropout layer draws for the current batch (1 = kept), same shape as its
   * input; the layer multiplies it by 1/(1 − p) while training and ignores it at inference.
   */
  public static String dropoutMask(String nodeId) {
    return nodeId + "/mask";
  }

  /** A helper value inside a layer, e.g. "bn1/scale". */
  public static String part(String nodeId, String what) {
    return nodeId + "/" + what;
  }
}
