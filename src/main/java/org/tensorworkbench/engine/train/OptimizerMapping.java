package org.tensorworkbench.engine.train;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * Turns a {@link TrainingConfig} into SameDiff's training configuration.
 *
 * <p>Weight decay: ND4J's {@code l2(λ)} adds λ·w to the gradient before the updater (so Adam
 * rescales it), {@code weightDecay(λ, true)} subtracts η·λ·w after the updater, which with Adam
 * is exactly AdamW (Loshchilov &amp; Hutter 2019, "Decoupled Weight Decay Regularization"). ND4J
 * applies either to every trainable variable, biases included.
 *
 * <p>The learning rate is not given to ND4J as a schedule: the session writes the scheduled rate
 * into the updater before each iteration ({@link #setLearningRate}), so the schedule and a rate
 * changed live from the UI take the same path.
 */
public final class OptimizerMapping {
  private OptimizerMapping() {}

  /** The ND4J updater for {@code config}, starting at its base learning rate. */
  public static IUpdater updater(TrainingConfig config) {
    double lr = config.learningRate();
    return switch (config.optimizer()) {
      case SGD -> new Sgd(lr);
      case MOMENTUM -> new Nesterovs(lr, config.momentum());
      case ADAM, ADAMW -> new Adam(lr, config.beta1(), config.beta2(), config.epsilon());
      case RMSPROP -> new RmsProp(lr, config.rmsDecay(), config.epsilon());
    };
  }

  /**
   * SameDiff's training configuration: updater, regularization and which placeholders the
   * features and labels of a minibatch go to.
   */
  public static org.nd4j.autodiff.samediff.TrainingConfig sameDiffConfig(
      TrainingConfig config, String inputName, String labelsName) {
    var builder = org.nd4j.autodiff.samediff.TrainingConfig.builder()
        .updater(updater(config))
        .dataSetFeatureMapping(inputName)
        .dataSetLabelMapping(labelsName);
    if (config.weightDecay() > 0) {
      if (config.usesDecoupledDecay()) {
        builder.weightDecay(config.weightDecay(), true);
      } else {
        builder.l2(config.weightDecay());
      }
    }
    return builder.build();
  }

  /**
   * Sets the learning rate of a running SameDiff training. All per-variable updaters of a
   * SameDiff share the one {@link IUpdater} of its training configuration (checked in M2.1), and
   * decoupled weight decay reads its η from that same object, so one write reaches both.
   */
  public static void setLearningRate(org.nd4j.autodiff.samediff.TrainingConfig sameDiffConfig, double lr) {
    sameDiffConfig.getUpdater().setLrAndSchedule(lr, null);
  }
}
