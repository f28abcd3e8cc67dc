package org.tensorworkbench.engine.tune;

/**
 * How a study searches its space.
 *
 * @param space what is searched
 * @param method the search method
 * @param seed seeds the sampled configurations and every trial's initial weights and shuffling
 * @param budget the total compute, in epochs summed over all trials (one epoch = one pass over the
 *     training examples, so examples = budget × trainExamples); the same for every method so
 *     they can be compared
 * @param eta the reduction factor η of successive halving and Hyperband (keep the best 1/η of a rung)
 * @param gridPoints values per numeric range for grid search
 */
public record StudySettings(SearchSpace space, Method method, long seed, int budget, int eta, int gridPoints) {
  public StudySettings {
    if (space == null || method == null) {
      throw new TuningException("tuning.error.missingField", space == null ? "space" : "method");
    }
    if (budget < 1 || budget > 100_000) {
      throw new TuningException("tuning.error.budget", budget);
    }
    if (eta < 2 || eta > 10) {
      throw new TuningException("tuning.error.eta", eta);
    }
    if (gridPoints < 1 || gridPoints > 20) {
      throw new TuningException("tuning.error.gridPoints", gridPoints);
    }
    if (method.multiFidelity() && space.searches(Hyperparameter.EPOCHS)) {
      throw new TuningException("tuning.error.epochsWithHalving");
    }
  }

  /** Seed 1, η = 3, 3 grid points. */
  public static StudySettings of(SearchSpace space, Method method, int budget) {
    return new StudySettings(space, method, 1, budget, 3, 3);
  }

  public StudySettings withMethod(Method m) {
    return new StudySettings(space, m, seed, budget, eta, gridPoints);
  }

  public StudySettings withSeed(long s) {
    return new StudySettings(space, method, s, budget, eta, gridPoints);
  }

  public StudySettings withBudget(int b) {
    return new StudySettings(space, method, seed, b, eta, gridPoints);
  }

  public StudySettings withEta(int e) {
    return new StudySettings(space, method, seed, budget, e, gridPoints);
  }
}
