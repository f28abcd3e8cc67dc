package org.tensorworkbench.learn;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.stream.Collectors;

/** A fact's value as a person reads it: 3, 0.812, [3, 4], true. */
final class FactText {
  private FactText() {}

  static String of(Object value) {
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        return String.valueOf(d);
      }
      return new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(FactText::of).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof long[] longs) {
      return of(java.util.Arrays.stream(longs).boxed().toList());
    }
    return String.valueOf(value);
  }
}
