package org.tensorworkbench.engine.train;

import java.util.Locale;

/**
 * How the learning rate changes during a run (d2l 12.11). The session asks the schedule for the
 * rate before every iteration and writes it into the updater, so the same mechanism also serves
 * a learning rate changed live from the UI.
 */
public sealed interface LearningRateSchedule {

  /**
   * The learning rate for one iteration.
   *
   * @param base the configured learning rate η₀
   * @param iteration the 0-based iteration counted over the whole run
   * @param totalIterations iterations in the whole run (epochs × batches per epoch)
   * @param epoch the 0-based epoch
   */
  double learningRate(double base, long iteration, long totalIterations, int epoch);

  /** A text form for files and the command line, read back by {@link #parse}. */
  String id();

  /** η = η₀ throughout. */
  record Constant() implements LearningRateSchedule {
    @Override
    public double learningRate(double base, long iteration, long totalIterations, int epoch) {
      return base;
    }

    @Override
    public String id() {
      return "constant";
    }
  }

  /**
   * Step decay: η = η₀ · factor^⌊epoch / everyEpochs⌋, e.g. halve every 2 epochs.
   *
   * @param everyEpochs epochs between two decays (≥ 1)
   * @param factor the multiplier applied at each step, in (0, 1]
   */
  record Step(int everyEpochs, double factor) implements LearningRateSchedule {
    public Step {
      if (everyEpochs < 1 || !(factor > 0 && factor <= 1)) {
        throw new TrainingException("train.error.badStep", everyEpochs, factor);
      }
    }

    @Override
    public double learningRate(double base, long iteration, long totalIterations, int epoch) {
      return base * Math.pow(factor, epoch / everyEpochs);
    }

    @Override
    public String id() {
      return "step:" + everyEpochs + ":" + factor;
    }
  }

  /**
   * Cosine annealing without restarts (Loshchilov &amp; Hutter, SGDR, 2017):
   * η_t = η_min + (η₀ − η_min) · (1 + cos(π t / T)) / 2 with η_min = η₀ · finalFraction and T the
   * iterations of the whole run.
   *
   * @param finalFraction the last rate as a fraction of η₀, in [0, 1]
   */
  record Cosine(double finalFraction) implements LearningRateSchedule {
    public Cosine {
      if (!(finalFraction >= 0 && finalFraction <= 1)) {
        throw new TrainingException("train.error.badCosine", finalFraction);
      }
    }

    @Override
    public double learningRate(double base, long iteration, long totalIterations, int epoch) {
      double min = base * finalFraction;
      double progress = totalIterations <= 1 ? 0 : Math.min(1.0, (double) iteration / (totalIterations - 1));
      return min + (base - min) * (1 + Math.cos(Math.PI * progress)) / 2;
    }

    @Override
    public String id() {
      return "cosine:" + finalFraction;
    }
  }

  /**
   * Reads {@code constant}, {@code step:<everyEpochs>:<factor>} or {@code cosine[:<finalFraction>]}
   * (final fraction 0 when omitted).
   */
  static LearningRateSchedule parse(String text) {
    String[] parts = text.strip().toLowerCase(Locale.ROOT).split(":");
    try {
      switch (parts[0]) {
        case "constant":
          if (parts.length == 1) {
            return new Constant();
          }
          break;
        case "step":
          if (parts.length == 3) {
            return new Step(Integer.parseInt(parts[1]), Double.parseDouble(parts[2]));
          }
          break;
        case "cosine":
          if (parts.length <= 2) {
            return new Cosine(parts.length == 1 ? 0 : Double.parseDouble(parts[1]));
          }
          break;
        default:
          break;
      }
    } catch (NumberFormatException e) {
      throw new TrainingException("train.error.badSchedule", text);
    }
    throw new TrainingException("train.error.badSchedule", text);
  }
}
