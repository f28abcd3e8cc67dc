package org.tensorworkbench.engine.train;

import java.util.Objects;
import org.tensorworkbench.i18n.Messages;

/**
 * How a template is trained: d2l's recipe for it (optimizer, learning rate η, minibatch size,
 * epochs, weight decay λ and the data it is trained on), or, for the workbench's "-mini"
 * networks that d2l does not have, a recipe measured to learn within a few epochs on a 2-core
 * CPU. The training screen and {@code train --network} start from it; every value stays editable.
 * The numbers and where they come from are listed in {@link Recipes}.
 *
 * @param template the template name, e.g. {@code lenet}
 * @param chapter the d2l section the recipe comes from, e.g. {@code "7.6"} (for a -mini: the
 *     section of the design it shrinks)
 * @param optimizer the update rule
 * @param learningRate η
 * @param batchSize examples per minibatch
 * @param epochs passes over the training set
 * @param weightDecay λ (L2, as in d2l 3.7), 0 for none
 * @param dataset the dataset the recipe trains on, a {@code DatasetRegistry} name
 * @param limit training examples used (0 = all)
 */
public record Recipe(String template, String chapter, Optimizer optimizer, double learningRate, int batchSize,
    int epochs, double weightDecay, String dataset, int limit) {

  public Recipe {
    Objects.requireNonNull(template);
    Objects.requireNonNull(chapter);
    Objects.requireNonNull(dataset);
    // the ranges are TrainingConfig's own
    TrainingConfig.defaults().withOptimizer(optimizer).withLearningRate(learningRate).withBatchSize(batchSize)
        .withEpochs(epochs).withWeightDecay(weightDecay, false).withLimit(limit);
  }

  /** {@code base} with this recipe's optimizer, η, batch size, epochs, weight decay (L2) and limit. */
  public TrainingConfig applyTo(TrainingConfig base) {
    return base.withOptimizer(optimizer).withLearningRate(learningRate).withBatchSize(batchSize).withEpochs(epochs)
        .withWeightDecay(weightDecay, false).withLimit(limit);
  }

  /** One line in the current language, e.g. "d2l 7.6: sgd, lr 0.9, batch 256, 10 epochs". */
  public String describe() {
    return Messages.get("train.recipe.describe", chapter, settings(applyTo(TrainingConfig.defaults())));
  }

  /**
   * The settings a recipe fixes, as one phrase in the current language, e.g. "sgd, lr 0.9, batch
   * 256, 10 epochs" (", weight decay 0.0001" added when λ &gt; 0).
   */
  public static String settings(TrainingConfig c) {
    String text = Messages.get("train.recipe.settings", c.optimizer().id(), number(c.learningRate()), c.batchSize(),
        c.epochs());
    return c.weightDecay() > 0 ? text + Messages.get("train.recipe.weightDecay", number(c.weightDecay())) : text;
  }

  /** A number as a person writes it: 0.9, 1, 0.001 (no trailing ".0", no exponent). */
  public static String number(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
