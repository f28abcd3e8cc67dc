package org.tensorworkbench.engine.tune;

import java.util.List;
import java.util.Optional;

/**
 * Random search (Bergstra &amp; Bengio 2012): configurations drawn independently, uniformly in
 * the unit coordinates of the space (log-uniformly on log ranges); the k-th draw depends only on
 * the seed and k, so a study resumes with the same draws.
 */
public final class RandomSearch implements SearchMethod {
  private final SearchSpace space;
  private final long seed;

  public RandomSearch(SearchSpace space, long seed) {
    this.space = space;
    this.seed = seed;
  }

  /** The k-th configuration drawn. */
  public Configuration draw(int k) {
    return space.sample(SearchMethod.random(seed, k));
  }

  @Override
  public Optional<TrialRequest> next(List<TrialRecord> done) {
    int k = done.size();
    Configuration c = draw(k);
    return Optional.of(new TrialRequest(k, c, c.integer(Hyperparameter.EPOCHS), 0, 0, -1));
  }
}
