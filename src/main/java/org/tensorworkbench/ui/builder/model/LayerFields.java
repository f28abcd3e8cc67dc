package org.tensorworkbench.ui.builder.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tensorworkbench.engine.spec.ActivationSpec;
import org.tensorworkbench.engine.spec.Initializer;
import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.Padding;
import org.tensorworkbench.engine.spec.Size2;
import org.tensorworkbench.engine.spec.SpecException;

/**
 * The editable settings of a layer as text fields, for the inspector. Layers are records, so the
 * fields are their components, read and rebuilt through the canonical constructor; the engine's
 * own constructors then refuse impossible values (a zero kernel, a dropout probability of 1)
 * with their plain-language message, which the inspector shows as the user types.
 *
 * <p>Text forms: sizes {@code 5} or {@code 5x3} (height x width); padding {@code 2}, {@code 2x1}
 * or {@code same}; an input shape {@code 1, 28, 28}; an initializer {@code xavier}, {@code he},
 * {@code zeros}, {@code normal 0.01} or, with a gain, {@code xavier 2}.
 */
public final class LayerFields {

  /** How a field is edited. */
  public enum Kind { INTEGER, NUMBER, FLAG, CHOICE, SIZE, PADDING, SHAPE, INIT }

  /**
   * One editable setting.
   *
   * @param name the record component, also naming {@code builder.field.<name>}
   * @param text the current value as text
   * @param choices the allowed values of a {@link Kind#CHOICE} or {@link Kind#FLAG} field
   */
  public record Field(String name, Kind kind, String text, List<String> choices) {
    public String labelKey() {
      return "builder.field." + name;
    }

    public String hintKey() {
      return "builder.field." + name + ".hint";
    }
  }

  private LayerFields() {}

  public static List<Field> of(LayerSpec layer) {
    List<Field> fields = new ArrayList<>();
    for (RecordComponent c : layer.getClass().getRecordComponents()) {
      if (layer instanceof ActivationSpec a && c.getName().equals("alpha") && a.function() != ActivationSpec.Function.LEAKY_RELU) {
        continue;
      }
      Kind kind = kindOf(c);
      Object value = read(c, layer);
      List<String> choices = kind == Kind.CHOICE
          ? Arrays.stream(c.getType().getEnumConstants()).map(LayerFields::enumText).toList()
          : kind == Kind.FLAG ? List.of("true", "false") : List.of();
      fields.add(new Field(c.getName(), kind, format(kind, value), choices));
    }
    return fields;
  }

  /**
   * {@code layer} with one field set from text.
   *
   * @throws EditRejectedException if the text is not a value of the field's kind
   * @throws SpecException if the value is one the layer refuses
   */
  public static LayerSpec with(LayerSpec layer, String field, String text) {
    RecordComponent[] components = layer.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    boolean found = false;
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      if (components[i].getName().equals(field)) {
        values[i] = parse(kindOf(components[i]), components[i].getType(), text.trim());
        found = true;
      } else {
        values[i] = read(components[i], layer);
      }
    }
    if (!found) {
      throw new IllegalArgumentException(layer.getClass().getSimpleName() + " has no field " + field);
    }
    try {
      Constructor<?> canonical = layer.getClass().getDeclaredConstructor(types);
      return (LayerSpec) canonical.newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("layer records have public canonical constructors", e);
    }
  }

  private static Kind kindOf(RecordComponent c) {
    Class<?> t = c.getType();
    if (t == int.class) {
      return Kind.INTEGER;
    } else if (t == double.class) {
      return Kind.NUMBER;
    } else if (t == boolean.class) {
      return Kind.FLAG;
    } else if (t.isEnum()) {
      return Kind.CHOICE;
    } else if (t == Size2.class) {
      return Kind.SIZE;
    } else if (t == Padding.class) {
      return Kind.PADDING;
    } else if (t == Initializer.class) {
      return Kind.INIT;
    } else if (t == List.class && c.getGenericType() instanceof ParameterizedType p
        && p.getActualTypeArguments()[0] == Integer.class) {
      return Kind.SHAPE;
    }
    throw new IllegalStateException("no editor for " + c);
  }

  private static Object read(RecordComponent c, LayerSpec layer) {
    try {
      return c.getAccessor().invoke(layer);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("record accessors are public", e);
    }
  }

  static String format(Kind kind, Object value) {
    return switch (kind) {
      case NUMBER -> BigDecimal.valueOf((Double) value).stripTrailingZeros().toPlainString();
      case CHOICE -> enumText((Enum<?>) value);
      case SIZE -> ((Size2) value).isSquare() ? Integer.toString(((Size2) value).h()) : value.toString();
      case SHAPE -> ((List<?>) value).stream().map(String::valueOf).collect(Collectors.joining(", "));
      case INIT -> {
        Initializer init = (Initializer) value;
        String kindText = enumText(init.kind());
        if (init.kind() == Initializer.Kind.NORMAL) {
          yield kindText + " " + format(Kind.NUMBER, init.sigma());
        }
        yield init.gain() == 1 ? kindText : kindText + " " + format(Kind.NUMBER, init.gain());
      }
      default -> String.valueOf(value);
    };
  }

  private static Object parse(Kind kind, Class<?> type, String text) {
    return switch (kind) {
      case INTEGER -> parseInt(text);
      case NUMBER -> parseNumber(text);
      case FLAG -> {
        if (!text.equals("true") && !text.equals("false")) {
          throw new EditRejectedException("builder.field.error.flag", text);
        }
        yield Boolean.parseBoolean(text);
      }
      case CHOICE -> Arrays.stream(type.getEnumConstants()).filter(e -> enumText((Enum<?>) e).equals(text))
          .findFirst().orElseThrow(() -> new EditRejectedException("builder.field.error.choice", text));
      case SIZE -> {
        int[] hw = pair(text, "builder.field.error.size");
        yield new Size2(hw[0], hw[1]);
      }
      case PADDING -> {
        if (text.equalsIgnoreCase("same")) {
          yield Padding.SAME;
        }
        int[] hw = pair(text, "builder.field.error.padding");
        yield Padding.of(hw[0], hw[1]);
      }
      case SHAPE -> {
        if (text.isEmpty()) {
          throw new EditRejectedException("builder.field.error.shape", text);
        }
        List<Integer> dims = new ArrayList<>();
        for (String part : text.replace("[", "").replace("]", "").split("[,x ]+")) {
          dims.add(parseInt(part));
        }
        yield dims;
      }
      case INIT -> parseInit(text);
    };
  }

  private static Initializer parseInit(String text) {
    String[] parts = text.toLowerCase(Locale.ROOT).split("[\\s(),=]+");
    for (Initializer.Kind k : Initializer.Kind.values()) {
      if (enumText(k).equals(parts[0])) {
        if (k == Initializer.Kind.NORMAL) {
          if (parts.length < 2) {
            throw new EditRejectedException("builder.field.error.init", text);
          }
          return Initializer.normal(parseNumber(parts[1]));
        }
        if (parts.length >= 2 && (k == Initializer.Kind.XAVIER || k == Initializer.Kind.HE)) {
          return new Initializer(k, 0, parseNumber(parts[1])); // the gain, e.g. "xavier 2"
        }
        return new Initializer(k, 0);
      }
    }
    throw new EditRejectedException("builder.field.error.init", text);
  }

  private static int[] pair(String text, String errorKey) {
    String[] parts = text.split("\\s*[x×,]\\s*");
    try {
      if (parts.length == 1) {
        int v = Integer.parseInt(parts[0]);
        return new int[] {v, v};
      }
      if (parts.length == 2) {
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
      }
    } catch (NumberFormatException e) {
      throw new EditRejectedException(errorKey, text);
    }
    throw new EditRejectedException(errorKey, text);
  }

  private static int parseInt(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new EditRejectedException("builder.field.error.integer", text);
    }
  }

  private static double parseNumber(String text) {
    try {
      double v = Double.parseDouble(text);
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        throw new NumberFormatException(text);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new EditRejectedException("builder.field.error.number", text);
    }
  }

  private static String enumText(Object e) {
    return ((Enum<?>) e).name().toLowerCase(Locale.ROOT);
  }
}
