package org.tensorworkbench.engine.tune;

import java.util.List;
import java.util.Optional;

/**
 * Grid search: every combination of a few values per hyperparameter, in order, each trained for
 * its full epochs. The number of trials grows as points^dimensions, so the budget usually ends
 * the grid early: the lesson of Bergstra &amp; Bengio (2012) that random search covers each
 * important dimension better.
 */
public final class GridSearch implements SearchMethod {
  private final List<Configuration> grid;

  public GridSearch(SearchSpace space, int points) {
    this.grid = space.grid(points);
  }

  /** The whole grid in the order it is tried. */
  public List<Configuration> grid() {
    return grid;
  }

  @Override
  public Optional<TrialRequest> next(List<TrialRecord> done) {
    int k = done.size();
    if (k >= grid.size()) {
      return Optional.empty();
    }
    Configuration c = grid.get(k);
    return Optional.of(new TrialRequest(k, c, c.integer(Hyperparameter.EPOCHS), 0, 0, -1));
  }
}
