package org.tensorworkbench.engine.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * Zero padding of a convolution or pooling window: explicit rows/columns on each side, or
 * "same" (TensorFlow's rule: output size ⌈n / s⌉, padding split with the extra row at the
 * bottom/right). In JSON: {@code 1}, {@code [1, 2]} (height, width) or {@code "same"}.
 */
public record Padding(boolean same, int h, int w) {
  public static final Padding NONE = new Padding(false, 0, 0);
  public static final Padding SAME = new Padding(true, 0, 0);

  public Padding {
    if (h < 0 || w < 0) {
      throw new SpecException("spec.error.negativePadding", h, w);
    }
  }

  public static Padding of(int both) {
    return new Padding(false, both, both);
  }

  public static Padding of(int h, int w) {
    return new Padding(false, h, w);
  }

  @JsonCreator
  static Padding fromJson(Object value) {
    if (value instanceof Number n) {
      return of(Size2.exactInt(n));
    }
    if ("same".equals(value)) {
      return SAME;
    }
    if ("valid".equals(value)) {
      return NONE;
    }
    if (value instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number a && l.get(1) instanceof Number b) {
      return of(Size2.exactInt(a), Size2.exactInt(b));
    }
    throw new SpecException("spec.error.badPadding", String.valueOf(value));
  }

  @JsonValue
  Object toJson() {
    if (same) {
      return "same";
    }
    return h == w ? (Object) h : List.of(h, w);
  }

  @Override
  public String toString() {
    return same ? "same" : h == w ? Integer.toString(h) : h + "x" + w;
  }
}
