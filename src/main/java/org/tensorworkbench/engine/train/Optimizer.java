package org.tensorworkbench.engine.train;

import java.util.Locale;

/**
 * The optimization algorithms a student can choose (d2l chapter 12). Each maps onto an ND4J
 * updater in {@link OptimizerMapping}; the hyperparameters live in {@link TrainingConfig}.
 */
public enum Optimizer {
  /** Minibatch stochastic gradient descent: w ← w − η·g (d2l 12.5). */
  SGD,
  /**
   * SGD with Nesterov momentum (Sutskever et al. 2013; d2l 12.6): ND4J 1.0.0-M2.1 has no plain
   * heavy-ball updater, its {@code Nesterovs} is the look-ahead variant.
   */
  MOMENTUM,
  /** Adam (Kingma &amp; Ba 2015; d2l 12.10), with L2 regularization added to the gradient. */
  ADAM,
  /** AdamW (Loshchilov &amp; Hutter 2019): Adam with weight decay decoupled from the gradient. */
  ADAMW,
  /** RMSProp (Tieleman &amp; Hinton 2012; d2l 12.8). */
  RMSPROP;

  /**
   * Values the update rule keeps per parameter between steps: none for SGD, the velocity for
   * momentum, the squared-gradient average for RMSProp, both moments for Adam and AdamW.
   */
  public int stateSlots() {
    return switch (this) {
      case SGD -> 0;
      case MOMENTUM, RMSPROP -> 1;
      case ADAM, ADAMW -> 2;
    };
  }

  /** The lower-case name used on the command line and in files, e.g. {@code adamw}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The optimizer named {@code id} (case-insensitive), or a {@link TrainingException}. */
  public static Optimizer fromId(String id) {
    for (Optimizer o : values()) {
      if (o.id().equalsIgnoreCase(id.strip())) {
        return o;
      }
    }
    throw new TrainingException("train.error.unknownOptimizer", id, "sgd, momentum, adam, adamw, rmsprop");
  }
}
