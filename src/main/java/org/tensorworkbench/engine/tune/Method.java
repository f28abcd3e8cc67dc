package org.tensorworkbench.engine.tune;

/** The search methods, with their names on the command line and in study files. */
public enum Method {
  GRID("grid"),
  RANDOM("random"),
  HALVING("halving"),
  HYPERBAND("hyperband"),
  BAYES("bayes");

  private final String id;

  Method(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** Whether trials get different epoch budgets (rungs); then epochs cannot be searched. */
  public boolean multiFidelity() {
    return this == HALVING || this == HYPERBAND;
  }

  public static Method fromId(String id) {
    for (Method m : values()) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    throw new TuningException("tuning.error.unknownMethod", String.valueOf(id), "grid, random, halving, hyperband, bayes");
  }

  /** The method's plan for {@code settings}. */
  public SearchMethod create(StudySettings settings) {
    return switch (this) {
      case GRID -> new GridSearch(settings.space(), settings.gridPoints());
      case RANDOM -> new RandomSearch(settings.space(), settings.seed());
      case HALVING -> SuccessiveHalving.within(settings.space(), settings.seed(), settings.budget(), settings.eta());
      case HYPERBAND -> new Hyperband(settings.space(), settings.seed(), settings.eta());
      case BAYES -> new BayesianSearch(settings.space(), settings.seed());
    };
  }
}
