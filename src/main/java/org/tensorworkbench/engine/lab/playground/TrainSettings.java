package org.tensorworkbench.engine.lab.playground;

import org.tensorworkbench.engine.train.Optimizer;

/**
 * How the Playground trains: the optimizer of the workbench, learning rate, minibatch size, L2
 * weight decay λ (on the weights, not the biases, as TensorFlow Playground) and the dropout
 * probability of the hidden layers.
 */
public record TrainSettings(Optimizer optimizer, double learningRate, int batch, double l2, double dropout) {
  public static final int MAX_BATCH = 2000;

  public TrainSettings {
    if (optimizer == null) {
      throw new PlaygroundException("playground.error.optimizer");
    }
    if (!(learningRate > 0 && learningRate <= 10)) {
      throw new PlaygroundException("playground.error.learningRate", learningRate);
    }
    if (batch < 1 || batch > MAX_BATCH) {
      throw new PlaygroundException("playground.error.batch", batch, MAX_BATCH);
    }
    if (!(l2 >= 0 && l2 <= 1)) {
      throw new PlaygroundException("playground.error.l2", l2);
    }
    if (!(dropout >= 0 && dropout <= 0.9)) {
      throw new PlaygroundException("playground.error.dropout", dropout);
    }
  }

  /** Adam with learning rate 0.03 on minibatches of 32, no regularization. */
  public static TrainSettings defaults() {
    return new TrainSettings(Optimizer.ADAM, 0.03, 32, 0, 0);
  }
}
