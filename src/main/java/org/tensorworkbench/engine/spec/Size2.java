package org.tensorworkbench.engine.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * A height and a width (kernel, stride, dilation, pooling window). In JSON a single number
 * {@code 3} means 3x3; {@code [3, 1]} means height 3, width 1.
 */
public record Size2(int h, int w) {
  public Size2 {
    if (h < 1 || w < 1) {
      throw new SpecException("spec.error.sizeNotPositive", h, w);
    }
  }

  public static Size2 of(int both) {
    return new Size2(both, both);
  }

  @JsonCreator
  static Size2 fromJson(Object value) {
    if (value instanceof Number n) {
      return of(exactInt(n));
    }
    if (value instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number a && l.get(1) instanceof Number b) {
      return new Size2(exactInt(a), exactInt(b));
    }
    throw new SpecException("spec.error.badSize", String.valueOf(value));
  }

  /**
   * A whole number from a JSON file as an int, refusing what does not fit instead of wrapping
   * around (4294967301 would otherwise become 5) or dropping a fraction.
   */
  static int exactInt(Number n) {
    java.math.BigDecimal value = new java.math.BigDecimal(n.toString());
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      throw new SpecException("spec.error.notAnInt", n.toString(), Integer.MAX_VALUE);
    }
  }

  @JsonValue
  Object toJson() {
    return h == w ? (Object) h : List.of(h, w);
  }

  public boolean isSquare() {
    return h == w;
  }

  @Override
  public String toString() {
    return h + "x" + w;
  }
}
