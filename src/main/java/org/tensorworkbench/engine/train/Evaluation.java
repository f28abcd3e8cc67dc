package org.tensorworkbench.engine.train;

/**
 * How well a network does on a set of examples: cross-entropy and the confusion matrix for a
 * classifier, squared error for a regression.
 */
public sealed interface Evaluation permits ClassificationEvaluation, RegressionEvaluation {

  /** The mean loss per example, as the network is trained on it. */
  double loss();

  /** The number of examples evaluated. */
  long count();

  /** The share of correct predictions, or NaN for a regression. */
  double accuracy();
}
