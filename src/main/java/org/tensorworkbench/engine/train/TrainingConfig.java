package org.tensorworkbench.engine.train;

/**
 * Everything that decides how a network is trained, as one immutable value: it is shown in the
 * UI, written into the model file and read by the command line. Invalid values are rejected
 * with a {@link TrainingException} naming the setting.
 *
 * @param optimizer the update rule
 * @param learningRate η₀, the base learning rate the {@code schedule} starts from
 * @param schedule how the learning rate changes over the run
 * @param momentum μ of {@link Optimizer#MOMENTUM}, in [0, 1)
 * @param beta1 β₁ of Adam/AdamW (decay of the first-moment average), in [0, 1)
 * @param beta2 β₂ of Adam/AdamW (decay of the second-moment average), in [0, 1)
 * @param epsilon ε of Adam/AdamW/RMSProp, added to the denominator for stability
 * @param rmsDecay γ of RMSProp (decay of the squared-gradient average), in [0, 1)
 * @param weightDecay λ ≥ 0; 0 switches weight decay off
 * @param decoupledWeightDecay true: w ← w − η·λ·w after the update (Loshchilov &amp; Hutter);
 *     false: L2, i.e. λ·w added to the gradient before the update (d2l 3.7). AdamW is always
 *     decoupled.
 * @param batchSize examples per minibatch
 * @param epochs passes over the training set
 * @param seed seeds the initial weights and the shuffling: the same seed gives the same run
 * @param limit use only the first {@code limit} training examples; 0 uses all
 */
public record TrainingConfig(
    Optimizer optimizer,
    double learningRate,
    LearningRateSchedule schedule,
    double momentum,
    double beta1,
    double beta2,
    double epsilon,
    double rmsDecay,
    double weightDecay,
    boolean decoupledWeightDecay,
    int batchSize,
    int epochs,
    long seed,
    int limit) {

  public TrainingConfig {
    if (optimizer == null) {
      throw new TrainingException("train.error.missing", "optimizer");
    }
    schedule = schedule == null ? new LearningRateSchedule.Constant() : schedule;
    requirePositive("learningRate", learningRate);
    requireFraction("momentum", momentum);
    requireFraction("beta1", beta1);
    requireFraction("beta2", beta2);
    requirePositive("epsilon", epsilon);
    requireFraction("rmsDecay", rmsDecay);
    if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
      throw new TrainingException("train.error.notNonNegative", "weightDecay", weightDecay);
    }
    requireAtLeastOne("batchSize", batchSize);
    requireAtLeastOne("epochs", epochs);
    if (limit < 0) {
      throw new TrainingException("train.error.notNonNegative", "limit", limit);
    }
  }

  /**
   * SGD at η = 0.1, batch 256, 10 epochs, seed 1, no weight decay; momentum 0.9, Adam's β₁ 0.9,
   * β₂ 0.999, ε 1e-8 and RMSProp's γ 0.9 as in d2l.
   */
  public static TrainingConfig defaults() {
    return new TrainingConfig(Optimizer.SGD, 0.1, new LearningRateSchedule.Constant(), 0.9, 0.9,
        0.999, 1e-8, 0.9, 0, false, 256, 10, 1, 0);
  }

  /** Whether weight decay is applied after the update (always for AdamW) rather than as L2. */
  public boolean usesDecoupledDecay() {
    return optimizer == Optimizer.ADAMW || decoupledWeightDecay;
  }

  public TrainingConfig withOptimizer(Optimizer value) {
    return new TrainingConfig(value, learningRate, schedule, momentum, beta1, beta2, epsilon,
        rmsDecay, weightDecay, decoupledWeightDecay, batchSize, epochs, seed, limit);
  }

  public TrainingConfig withLearningRate(double value) {
    return new TrainingConfig(optimizer, value, schedule, momentum, beta1, beta2, epsilon,
        rmsDecay, weightDecay, decoupledWeightDecay, batchSize, epochs, seed, limit);
  }

  public TrainingConfig withSchedule(LearningRateSchedule value) {
    return new TrainingConfig(optimizer, learningRate, value, momentum, beta1, beta2, epsilon,
        rmsDecay, weightDecay, decoupledWeightDecay, batchSize, epochs, seed, limit);
  }

  public TrainingConfig withMomentum(double value) {
    return new TrainingConfig(optimizer, learningRate, schedule, value, beta1, beta2, epsilon,
        rmsDecay, weightDecay, decoupledWeightDecay, batchSize, epochs, seed, limit);
  }

  public TrainingConfig withAdamBetas(double newBeta1, double newBeta2) {
    return new TrainingConfig(optimizer, learningRate, schedule, momentum, newBeta1, newBeta2,
        epsilon, rmsDecay, weightDecay, decoupledWeightDecay, batchSize, epochs, seed, limit);
  }

  public TrainingConfig withWeightDecay(double lambda, boolean decoupled) {
    return new TrainingConfig(optimizer, learningRate, schedule, momentum, beta1, beta2, epsilon,
        rmsDecay, lambda, decoupled, batchSize, epochs, seed, limit);
  }

  public TrainingConfig withBatchSize(int value) {
    return new TrainingConfig(optimizer, learningRate, schedule, momentum, beta1, beta2, epsilon,
        rmsDecay, weightDecay, decoupledWeightDecay, value, epochs, seed, limit);
  }

  public TrainingConfig withEpochs(int value) {
    return new TrainingConfig(optimizer, learningRate, schedule, momentum, beta1, beta2, epsilon,
        rmsDecay, weightDecay, decoupledWeightDecay, batchSize, value, seed, limit);
  }

  public TrainingConfig withSeed(long value) {
    return new TrainingConfig(optimizer, learningRate, schedule, momentum, beta1, beta2, epsilon,
        rmsDecay, weightDecay, decoupledWeightDecay, batchSize, epochs, value, limit);
  }

  public TrainingConfig withLimit(int value) {
    return new TrainingConfig(optimizer, learningRate, schedule, momentum, beta1, beta2, epsilon,
        rmsDecay, weightDecay, decoupledWeightDecay, batchSize, epochs, seed, value);
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new TrainingException("train.error.notPositive", name, value);
    }
  }

  private static void requireFraction(String name, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new TrainingException("train.error.notFraction", name, value);
    }
  }

  private static void requireAtLeastOne(String name, int value) {
    if (value < 1) {
      throw new TrainingException("train.error.notPositive", name, value);
    }
  }
}
