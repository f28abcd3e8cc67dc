package org.tensorworkbench.engine.tune;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One point of a search space: a value for every hyperparameter (Double, or String for the
 * optimizer), searched or fixed.
 */
public record Configuration(Map<Hyperparameter, Object> values) {
  public Configuration {
    EnumMap<Hyperparameter, Object> copy = new EnumMap<>(Hyperparameter.class);
    values.forEach((k, v) -> copy.put(k, Values.normalize(k, v)));
    values = Collections.unmodifiableMap(copy);
  }

  public Object get(Hyperparameter p) {
    Object v = values.get(p);
    if (v == null) {
      throw new TuningException("tuning.error.missingValue", p.id());
    }
    return v;
  }

  public double number(Hyperparameter p) {
    return ((Number) get(p)).doubleValue();
  }

  public int integer(Hyperparameter p) {
    return (int) Math.round(number(p));
  }

  /** The same configuration with {@code p} set to {@code value}. */
  public Configuration with(Hyperparameter p, Object value) {
    EnumMap<Hyperparameter, Object> copy = new EnumMap<>(Hyperparameter.class);
    copy.putAll(values);
    copy.put(p, value);
    return new Configuration(copy);
  }

  /** e.g. {@code lr=0.01 batch=128 optimizer=adam}, for logs and the command line. */
  public String describe() {
    return values.entrySet().stream().map(e -> e.getKey().id() + "=" + format(e.getValue()))
        .collect(Collectors.joining(" "));
  }

  /** A number in at most 4 significant digits (whole numbers without decimals); names as they are. */
  public static String format(Object value) {
    if (value instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e9 ? Long.toString(d.longValue()) : String.format(java.util.Locale.ROOT, "%.4g", d);
    }
    return String.valueOf(value);
  }
}
