package org.tensorworkbench.engine.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.tensorworkbench.i18n.Messages;

/**
 * The name of each layer kind: its JSON {@code "type"} (taken from {@link LayerSpec}'s
 * annotation, so there is one list) and a display name in the current language.
 */
public final class LayerKinds {
  private static final Map<Class<?>, String> TYPES = Arrays
      .stream(LayerSpec.class.getAnnotation(JsonSubTypes.class).value())
      .collect(Collectors.toUnmodifiableMap(JsonSubTypes.Type::value, JsonSubTypes.Type::name));

  private LayerKinds() {}

  /** The JSON type name, e.g. "conv2d", "batchnorm". */
  public static String typeName(LayerSpec layer) {
    return TYPES.get(layer.getClass());
  }

  /**
   * The bundle key of the display name, e.g. {@code spec.layer.conv2d}; activations are named by
   * their function, e.g. {@code spec.layer.activation.relu}.
   */
  public static String displayNameKey(LayerSpec layer) {
    if (layer instanceof ActivationSpec a) {
      return "spec.layer.activation." + a.function().name().toLowerCase(Locale.ROOT);
    }
    return "spec.layer." + typeName(layer);
  }

  /** The display name in the current language, e.g. "Conv2d", "ReLU" or "BatchNorm". */
  public static String displayName(LayerSpec layer) {
    return Messages.get(displayNameKey(layer));
  }
}
