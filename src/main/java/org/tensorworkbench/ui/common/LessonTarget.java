package org.tensorworkbench.ui.common;

import java.util.Map;
import org.tensorworkbench.i18n.Messages;

/**
 * A workspace that a lesson can open in a prepared state and whose state a lesson's check can
 * read. Each workspace's view implements it by delegating to its view models; the keys are the
 * workspace's own and are listed in the README's lesson-format section.
 *
 * <p>Both methods are called on the FX thread.
 */
public interface LessonTarget {

  /**
   * Puts the workspace into the state a lesson step asks for, e.g. {@code template=lenet} in the
   * builder or {@code image=synthetic:boundary, kernel=1,-1} in the Kernel Lab.
   *
   * @throws IllegalArgumentException naming the key, for an unknown key or a value it cannot take
   */
  void applyPreset(Map<String, String> preset);

  /**
   * What a check can test now, by name: numbers, strings, booleans, or lists of longs for shapes,
   * e.g. {@code output.shape -> [3, 4]} or {@code test.accuracy -> 0.81}.
   */
  Map<String, Object> facts();

  /** The refusal of a preset key the workspace does not know. */
  static IllegalArgumentException unknownKey(String key) {
    return new IllegalArgumentException(Messages.get("learn.preset.unknownKey", key));
  }

  /** The refusal of a value a preset key cannot take. */
  static IllegalArgumentException badValue(String key, String value) {
    return new IllegalArgumentException(Messages.get("learn.preset.badValue", key, value));
  }

  /** A preset value that must be a whole number in {@code [min, max]}. */
  static int wholeNumber(String key, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n < min || n > max) {
        throw badValue(key, value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw badValue(key, value);
    }
  }
}
