package org.tensorworkbench.engine.tune;

import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.engine.train.TrainingException;

/** Checks and normalizes one hyperparameter value: numbers become Double, optimizer names their id. */
final class Values {
  private Values() {}

  static Object normalize(Hyperparameter p, Object value) {
    if (p.categorical()) {
      String name = String.valueOf(value).strip();
      try {
        return Optimizer.fromId(name).id();
      } catch (TrainingException e) {
        throw new TuningException("tuning.error.badValue", p.id(), name);
      }
    }
    double x;
    if (value instanceof Number n) {
      x = n.doubleValue();
    } else {
      try {
        x = Double.parseDouble(String.valueOf(value).strip());
      } catch (NumberFormatException e) {
        throw new TuningException("tuning.error.badValue", p.id(), String.valueOf(value));
      }
    }
    check(p, x);
    return x;
  }

  static void check(Hyperparameter p, double x) {
    boolean ok = switch (p) {
      case LEARNING_RATE -> x > 0 && x <= 10;
      case WEIGHT_DECAY -> x >= 0 && x <= 1;
      case DROPOUT -> x >= 0 && x < 1;
      case BATCH_SIZE -> x >= 1 && x <= 65_536 && x == Math.rint(x);
      case WIDTH -> x >= 1 && x <= 16_384 && x == Math.rint(x);
      case EPOCHS -> x >= 1 && x <= 1_000 && x == Math.rint(x);
      case OPTIMIZER -> false;
    };
    if (!ok) {
      throw new TuningException("tuning.error.badValue", p.id(), x);
    }
  }
}
