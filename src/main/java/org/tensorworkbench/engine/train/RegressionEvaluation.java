package org.tensorworkbench.engine.train;

/**
 * A regression's results (d2l 3.1): the mean squared error and its square root, which is in the
 * units of the target (e.g. thousands of dollars for house prices).
 *
 * @param mse the mean of (ŷ − y)² over all examples and outputs
 * @param count the number of examples
 */
public record RegressionEvaluation(double mse, long count) implements Evaluation {

  /** The network is trained on the mean squared error, so the loss is the MSE. */
  @Override
  public double loss() {
    return mse;
  }

  /** √MSE. */
  public double rmse() {
    return Math.sqrt(mse);
  }

  @Override
  public double accuracy() {
    return Double.NaN;
  }
}
