package org.tensorworkbench.engine.lab.generalization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.tensorworkbench.engine.data.LinearRegressionGenerator;
import org.tensorworkbench.engine.data.SyntheticData;
import org.tensorworkbench.engine.lab.tensor.LabInputException;

/**
 * d2l 3.7 ("Weight Decay"): high-dimensional linear regression
 * {@code y = 0.05 + sum_i 0.01 x_i + eps}, eps ~ N(0, 0.01^2), with 200 features, 20 training
 * and 100 test examples, so that an unregularized model overfits at once. Each lambda trains
 * {@code 1/2 mean (y^ - y)^2 + lambda/2 ||w||^2} (d2l's objective) with minibatch SGD
 * (batch 5, lr 0.003, 100 epochs, w from N(0, 1) as in d2l's from-scratch version, b = 0), or Adam,
 * from the same start and the same batches.
 */
public final class WeightDecayExperiment {
  public static final int FEATURES = 200;
  public static final int TRAIN = 20;
  public static final int TEST = 100;
  private static final float TRUE_WEIGHT = 0.01f;
  private static final float TRUE_BIAS = 0.05f;
  private static final double NOISE = 0.01;

  /**
   * @param lambdas the decay coefficients to compare (each >= 0, at most 12)
   * @param decay L2 in the loss, or decoupled
   * @param method SGD (d2l) or Adam, where the two kinds of decay differ
   * @param epochs passes over the 20 examples (d2l: 100)
   * @param learningRate the step (d2l: 0.003)
   * @param seed the data, the initial weights and the batch order
   */
  public record Settings(List<Double> lambdas, LinearFit.Decay decay, LinearFit.Method method, int epochs,
      double learningRate, long seed) {
    public Settings {
      lambdas = List.copyOf(lambdas);
      if (lambdas.isEmpty()) {
        throw new LabInputException("generalization.error.noLambdas");
      }
      if (lambdas.size() > 12) {
        throw new LabInputException("generalization.error.tooMany", lambdas.size(), 12);
      }
      for (double l : lambdas) {
        if (!(l >= 0 && l <= 1000)) {
          throw new LabInputException("generalization.error.lambda", l);
        }
      }
      PolynomialExperiment.checkRange("generalization.field.epochs", epochs, 1, PolynomialExperiment.MAX_EPOCHS);
      if (!(learningRate > 0 && learningRate <= 10)) {
        throw new LabInputException("generalization.error.learningRate", learningRate);
      }
    }

    /** d2l's run: lambda 0 and 3, SGD, 100 epochs, lr 0.003. */
    public static Settings d2l() {
      return new Settings(List.of(0.0, 3.0), LinearFit.Decay.L2_IN_LOSS, LinearFit.Method.SGD, 100, 0.003, 42);
    }

    public Settings withLambdas(List<Double> value) {
      return new Settings(value, decay, method, epochs, learningRate, seed);
    }
  }

  /** One lambda's run. */
  public record Run(double lambda, LinearFit.Result fit) {}

  private WeightDecayExperiment() {}

  /** The training (first 20) and test (last 100) examples of d2l's problem from {@code seed}. */
  public static SyntheticData[] data(long seed) {
    float[] w = new float[FEATURES];
    Arrays.fill(w, TRUE_WEIGHT);
    SyntheticData all = LinearRegressionGenerator.generate(w, TRUE_BIAS, NOISE, TRAIN + TEST, seed);
    return new SyntheticData[] {rows(all, 0, TRAIN), rows(all, TRAIN, TRAIN + TEST)};
  }

  /** Trains one model per lambda. */
  public static List<Run> run(Settings s) {
    return run(s, () -> false, r -> { });
  }

  /** Trains one model per lambda, telling {@code each} as each ends; {@code stop} leaves the rest out. */
  public static List<Run> run(Settings s, BooleanSupplier stop, Consumer<Run> each) {
    SyntheticData[] data = data(s.seed());
    List<Run> runs = new ArrayList<>();
    for (double lambda : s.lambdas()) {
      if (stop.getAsBoolean()) {
        break;
      }
      Run run = new Run(lambda, LinearFit.train(data[0], data[1], training(s, lambda), stop));
      runs.add(run);
      each.accept(run);
    }
    return runs;
  }

  static LinearFit.Settings training(Settings s, double lambda) {
    return new LinearFit.Settings(s.epochs(), 5, s.learningRate(), true, LinearFit.Loss.HALF_SQUARED, lambda,
        s.decay(), s.method(), 1.0, s.seed());
  }

  private static SyntheticData rows(SyntheticData all, int from, int to) {
    int d = all.columns();
    return new SyntheticData(Arrays.copyOfRange(all.features(), from * d, to * d), d,
        Arrays.copyOfRange(all.targets(), from, to), null, 0);
  }
}
