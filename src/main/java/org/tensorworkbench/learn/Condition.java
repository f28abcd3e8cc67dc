package org.tensorworkbench.learn;

import java.util.List;
import java.util.Objects;

/**
 * One condition of a lesson's check on a fact a workspace reports.
 *
 * <ul>
 *   <li>{@code EQUALS}: numbers equal within a relative tolerance of 1e-9, lists element by
 *       element, strings and booleans exactly;
 *   <li>{@code AT_LEAST} / {@code AT_MOST}: a number at least / at most the bound.
 * </ul>
 *
 * @param fact the fact's name, e.g. {@code output.height}
 * @param kind how it is compared
 * @param expected a Long, Double, String, Boolean or a List of those (EQUALS), a number otherwise
 */
public record Condition(String fact, Kind kind, Object expected) {
  /** Relative tolerance of numeric equality. */
  public static final double TOLERANCE = 1e-9;

  /** How a fact is compared with the expected value. */
  public enum Kind { EQUALS, AT_LEAST, AT_MOST }

  public Condition {
    Objects.requireNonNull(fact);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(expected);
    if (kind != Kind.EQUALS && !(expected instanceof Number)) {
      throw new IllegalArgumentException("a bound must be a number");
    }
  }

  /** Whether {@code actual} (the fact's value, never null) satisfies this condition. */
  public boolean holds(Object actual) {
    return switch (kind) {
      case EQUALS -> same(actual, expected);
      case AT_LEAST -> actual instanceof Number n && n.doubleValue() >= ((Number) expected).doubleValue();
      case AT_MOST -> actual instanceof Number n && n.doubleValue() <= ((Number) expected).doubleValue();
    };
  }

  static boolean same(Object actual, Object wanted) {
    if (actual instanceof Number a && wanted instanceof Number w) {
      double x = a.doubleValue();
      double y = w.doubleValue();
      return x == y || Math.abs(x - y) <= TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
    }
    if (actual instanceof List<?> a && wanted instanceof List<?> w) {
      if (a.size() != w.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) == null || !same(a.get(i), w.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (actual instanceof long[] a) {
      return same(java.util.Arrays.stream(a).boxed().toList(), wanted);
    }
    return actual.equals(wanted);
  }
}
