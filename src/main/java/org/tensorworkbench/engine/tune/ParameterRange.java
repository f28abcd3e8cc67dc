package org.tensorworkbench.engine.tune;

import java.util.List;

/**
 * How one hyperparameter is searched: a numeric interval (linear or log scale) or a list of
 * choices. Each maps the unit interval u ∈ [0, 1] onto its values, which is how grid and random
 * search sample and how the Gaussian process of Bayesian optimization sees the space:
 * linear x = a + u·(b − a), log x = a·(b/a)^u (so equal steps in u are equal factors in x),
 * choices index ⌊u·k⌋ (u = 1 gives the last).
 */
public sealed interface ParameterRange {

  Hyperparameter parameter();

  /** The value at u ∈ [0, 1]: a Double for numbers (whole for integer hyperparameters), a String for names. */
  Object at(double u);

  /** The position u ∈ [0, 1] of {@code value} (the inverse of {@link #at}). */
  double unit(Object value);

  /** {@code points} values evenly spaced in u (both ends included), or every choice. */
  List<Object> grid(int points);

  /**
   * A numeric range [low, high].
   *
   * @param log whether it is searched on a log scale (low must then be positive)
   */
  record Numeric(Hyperparameter parameter, double low, double high, boolean log) implements ParameterRange {
    public Numeric {
      if (parameter.categorical()) {
        throw new TuningException("tuning.error.needsChoices", parameter.id());
      }
      if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
        throw new TuningException("tuning.error.emptyRange", parameter.id(), low, high);
      }
      if (log && !(low > 0)) {
        throw new TuningException("tuning.error.logRangeNotPositive", parameter.id(), low);
      }
      Values.check(parameter, low);
      Values.check(parameter, high);
    }

    @Override
    public Object at(double u) {
      double x = log ? low * Math.pow(high / low, u) : low + u * (high - low);
      x = Math.min(high, Math.max(low, x));
      return parameter.integer() ? (double) Math.round(x) : x;
    }

    @Override
    public double unit(Object value) {
      double x = ((Number) value).doubleValue();
      double u = log ? Math.log(x / low) / Math.log(high / low) : (x - low) / (high - low);
      return Math.min(1, Math.max(0, u));
    }

    @Override
    public List<Object> grid(int points) {
      if (points < 1) {
        throw new TuningException("tuning.error.gridPoints", points);
      }
      if (points == 1) {
        return List.of(at(0.5));
      }
      return java.util.stream.IntStream.range(0, points).mapToObj(i -> at(i / (double) (points - 1)))
          .distinct().toList();
    }
  }

  /** A list of allowed values, e.g. batch sizes 64, 128, 256 or optimizers sgd, adam. */
  record Choice(Hyperparameter parameter, List<Object> values) implements ParameterRange {
    public Choice {
      if (values == null || values.isEmpty()) {
        throw new TuningException("tuning.error.noChoices", parameter.id());
      }
      values = values.stream().map(v -> Values.normalize(parameter, v)).distinct().toList();
    }

    @Override
    public Object at(double u) {
      return values.get(Math.min(values.size() - 1, (int) Math.floor(u * values.size())));
    }

    @Override
    public double unit(Object value) {
      int i = values.indexOf(Values.normalize(parameter, value));
      return values.size() == 1 ? 0.5 : i / (double) (values.size() - 1);
    }

    @Override
    public List<Object> grid(int points) {
      return values;
    }
  }
}
