package org.tensorworkbench.engine.tune;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Bayesian optimization (Snoek, Larochelle &amp; Adams 2012): a Gaussian process with a Matérn 5/2
 * kernel models the validation score over the unit coordinates of the space (log ranges
 * log-scaled, choices by index), and the next configuration is the one of 1,000 random
 * candidates with the largest {@link ExpectedImprovement} (ξ = 0.01 on standardized scores).
 * The first max(3, d + 1) configurations are random draws; a failed trial counts as the worst
 * score seen. Kernel hyperparameters: {@link GaussianProcess#fitted}. Deterministic for a seed.
 */
public final class BayesianSearch implements SearchMethod {
  static final int CANDIDATES = 1_000;
  static final double XI = 0.01;
  private final SearchSpace space;
  private final long seed;

  public BayesianSearch(SearchSpace space, long seed) {
    this.space = space;
    this.seed = seed;
  }

  /** The number of random configurations before the model is used. */
  public int initialDraws() {
    return Math.max(3, space.dimensions() + 1);
  }

  @Override
  public Optional<TrialRequest> next(List<TrialRecord> done) {
    int k = done.size();
    Configuration c;
    Model model = k < initialDraws() ? null : model(done);
    if (model == null) {
      c = space.sample(SearchMethod.random(seed, k));
    } else {
      Set<String> tried = new HashSet<>();
      done.forEach(t -> tried.add(t.request().config().describe()));
      Random random = SearchMethod.random(seed, 1_000_000L + k);
      double bestEi = -1;
      c = null;
      for (int i = 0; i < CANDIDATES; i++) {
        double[] u = new double[space.dimensions()];
        for (int d = 0; d < u.length; d++) {
          u[d] = random.nextDouble();
        }
        Configuration candidate = space.at(u);
        double ei = model.expectedImprovement(space.unit(candidate));
        if (ei > bestEi && !tried.contains(candidate.describe())) {
          bestEi = ei;
          c = candidate;
        }
      }
      if (c == null) {
        c = space.sample(SearchMethod.random(seed, k));
      }
    }
    return Optional.of(new TrialRequest(k, c, c.integer(Hyperparameter.EPOCHS), 0, 0, -1));
  }

  /** The GP fitted to the finished trials (standardized scores), or null if none succeeded. */
  public Model model(List<TrialRecord> done) {
    double worst = done.stream().mapToDouble(TrialRecord::score).filter(s -> !Double.isNaN(s)).min().orElse(Double.NaN);
    if (Double.isNaN(worst) || done.isEmpty()) {
      return null;
    }
    int n = done.size();
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = space.unit(done.get(i).request().config());
      double s = done.get(i).score();
      y[i] = Double.isNaN(s) ? worst : s;
    }
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= n;
    double var = 0;
    for (double v : y) {
      var += (v - mean) * (v - mean);
    }
    double scale = n > 1 && var > 0 ? Math.sqrt(var / n) : 1;
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      y[i] = (y[i] - mean) / scale;
      best = Math.max(best, y[i]);
    }
    return new Model(GaussianProcess.fitted(x, y, Kernel.Type.MATERN52), mean, scale, best);
  }

  /**
   * The surrogate: a GP on standardized scores (score − mean)/scale, and the best standardized score.
   */
  public record Model(GaussianProcess gp, double mean, double scale, double best) {
    public double expectedImprovement(double[] u) {
      GaussianProcess.Prediction p = gp.predict(u);
      return ExpectedImprovement.of(p.mean(), p.std(), best, XI);
    }

    /** The posterior mean and standard deviation at {@code u} in score units. */
    public GaussianProcess.Prediction scorePrediction(double[] u) {
      GaussianProcess.Prediction p = gp.predict(u);
      return new GaussianProcess.Prediction(mean + scale * p.mean(), scale * scale * p.variance());
    }
  }
}
