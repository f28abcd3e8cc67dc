package org.tensorworkbench.engine.tune;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.engine.train.TrainingConfig;

/**
 * What a study searches: the network and dataset, the hyperparameters searched with their
 * ranges, and the value of every other one (fixed, shown beside the search). Read and written
 * by {@link TuningJson}.
 *
 * @param network a template name (e.g. {@code mlp}) or a network JSON file
 * @param dataset a registered dataset name
 * @param layer the node whose width {@link Hyperparameter#WIDTH} sets, and after which a dropout
 *     layer is added if the network has none; empty: the first dense (else convolution) layer
 * @param trainExamples training examples (the first ones of the training split, minus validation)
 * @param validationExamples held out at random (seeded) from those as the validation split that
 *     every trial is scored on; the test split is used only for the chosen configuration
 * @param ranges the searched hyperparameters, each at most once
 * @param fixed the values of the others; missing ones take {@link #defaults()} (width and
 *     dropout: as designed)
 */
public record SearchSpace(String network, String dataset, String layer, int trainExamples, int validationExamples,
    List<ParameterRange> ranges, Configuration fixed) {

  public SearchSpace {
    if (network == null || network.isBlank() || dataset == null || dataset.isBlank()) {
      throw new TuningException("tuning.error.missingField", network == null || network.isBlank() ? "network" : "dataset");
    }
    layer = layer == null ? "" : layer.strip();
    if (trainExamples < 1 || trainExamples > 10_000_000) {
      throw new TuningException("tuning.error.examples", "trainExamples", trainExamples);
    }
    if (validationExamples < 1 || validationExamples > 10_000_000) {
      throw new TuningException("tuning.error.examples", "validationExamples", validationExamples);
    }
    ranges = List.copyOf(ranges);
    if (ranges.isEmpty()) {
      throw new TuningException("tuning.error.nothingSearched");
    }
    Set<Hyperparameter> seen = EnumSet.noneOf(Hyperparameter.class);
    for (ParameterRange r : ranges) {
      if (!seen.add(r.parameter())) {
        throw new TuningException("tuning.error.duplicate", r.parameter().id());
      }
    }
    Map<Hyperparameter, Object> all = new EnumMap<>(defaults().values());
    if (fixed != null) {
      all.putAll(fixed.values());
    }
    seen.forEach(all::remove);
    fixed = new Configuration(all);
  }

  /** lr 0.1, batch 256, weight decay 0, SGD, 5 epochs: d2l's MLP settings, shorter. */
  public static Configuration defaults() {
    Map<Hyperparameter, Object> d = new EnumMap<>(Hyperparameter.class);
    d.put(Hyperparameter.LEARNING_RATE, 0.1);
    d.put(Hyperparameter.BATCH_SIZE, 256.0);
    d.put(Hyperparameter.WEIGHT_DECAY, 0.0);
    d.put(Hyperparameter.OPTIMIZER, Optimizer.SGD.id());
    d.put(Hyperparameter.EPOCHS, 5.0);
    return new Configuration(d);
  }

  /** The number of searched dimensions. */
  public int dimensions() {
    return ranges.size();
  }

  public boolean searches(Hyperparameter p) {
    return ranges.stream().anyMatch(r -> r.parameter() == p);
  }

  /** The configuration at unit coordinates {@code u} (one per range, in order), the fixed values added. */
  public Configuration at(double[] u) {
    if (u.length != ranges.size()) {
      throw new IllegalArgumentException("expected " + ranges.size() + " coordinates, got " + u.length);
    }
    Map<Hyperparameter, Object> values = new EnumMap<>(fixed.values());
    for (int i = 0; i < u.length; i++) {
      values.put(ranges.get(i).parameter(), ranges.get(i).at(u[i]));
    }
    return new Configuration(values);
  }

  /** The unit coordinates of {@code c} (the inverse of {@link #at}): the normalized, log-scaled space. */
  public double[] unit(Configuration c) {
    double[] u = new double[ranges.size()];
    for (int i = 0; i < u.length; i++) {
      u[i] = ranges.get(i).unit(c.get(ranges.get(i).parameter()));
    }
    return u;
  }

  /** A configuration drawn uniformly in unit coordinates (so log-uniformly on log ranges). */
  public Configuration sample(Random random) {
    double[] u = new double[ranges.size()];
    for (int i = 0; i < u.length; i++) {
      u[i] = random.nextDouble();
    }
    return at(u);
  }

  /**
   * Every combination of the ranges' grid values ({@code points} per numeric range, every
   * choice), the last range varying fastest.
   */
  public List<Configuration> grid(int points) {
    List<Map<Hyperparameter, Object>> partial = new ArrayList<>();
    partial.add(new EnumMap<>(fixed.values()));
    for (ParameterRange r : ranges) {
      List<Map<Hyperparameter, Object>> next = new ArrayList<>();
      for (Map<Hyperparameter, Object> p : partial) {
        for (Object v : r.grid(points)) {
          Map<Hyperparameter, Object> m = new EnumMap<>(p);
          m.put(r.parameter(), v);
          next.add(m);
        }
      }
      partial = next;
    }
    return partial.stream().map(Configuration::new).toList();
  }

  /** The training configuration of {@code c}: optimizer, η, λ, batch size, epochs and seed. */
  public static TrainingConfig trainingConfig(Configuration c, int epochs, long seed) {
    return TrainingConfig.defaults()
        .withOptimizer(Optimizer.fromId((String) c.get(Hyperparameter.OPTIMIZER)))
        .withLearningRate(c.number(Hyperparameter.LEARNING_RATE))
        .withWeightDecay(c.number(Hyperparameter.WEIGHT_DECAY), false)
        .withBatchSize(c.integer(Hyperparameter.BATCH_SIZE))
        .withEpochs(epochs)
        .withSeed(seed);
  }
}
