package org.tensorworkbench.engine.tune;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The hyperparameters a study can search (Practical ML, "hyperparameter tuning"): the ones that
 * matter most for a small network, each either searched over a range or fixed at a value.
 */
public enum Hyperparameter {
  /** η of the optimizer; searched on a log scale. */
  LEARNING_RATE("lr"),
  /** Examples per minibatch; a list of choices. */
  BATCH_SIZE("batch"),
  /** λ of weight decay; searched on a log scale. */
  WEIGHT_DECAY("weightDecay"),
  /** sgd, momentum, adam, adamw, rmsprop; a list of choices. */
  OPTIMIZER("optimizer"),
  /** The dropout probability p of every Dropout layer (one is added after the tuned layer if there is none). */
  DROPOUT("dropout"),
  /** Units (dense) or output channels (convolution) of the study's chosen layer. */
  WIDTH("width"),
  /** Passes over the training set; for successive halving and Hyperband the largest rung's epochs. */
  EPOCHS("epochs");

  private final String id;

  Hyperparameter(String id) {
    this.id = id;
  }

  /** The name in search-space files and lesson presets, e.g. {@code lr}. */
  public String id() {
    return id;
  }

  /** Whether its values are whole numbers. */
  public boolean integer() {
    return this == BATCH_SIZE || this == WIDTH || this == EPOCHS;
  }

  /** Whether its values are names (the optimizer) rather than numbers. */
  public boolean categorical() {
    return this == OPTIMIZER;
  }

  /** The hyperparameter named {@code id}; an unknown name is refused with the list of known ones. */
  public static Hyperparameter fromId(String id) {
    for (Hyperparameter h : values()) {
      if (h.id.equals(id)) {
        return h;
      }
    }
    throw new TuningException("tuning.error.unknownHyperparameter", String.valueOf(id),
        Arrays.stream(values()).map(Hyperparameter::id).collect(Collectors.joining(", ")));
  }
}
