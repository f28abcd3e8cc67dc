package org.tensorworkbench.ui.tensors;

import org.tensorworkbench.i18n.LocalizedException;
import org.tensorworkbench.i18n.Messages;

/**
 * A problem to show a person, kept as an i18n key and arguments so it follows the language.
 * Unexpected failures show a generic sentence with the cause's message, never a stack trace.
 *
 * @param key the i18n key
 * @param args its arguments
 */
public record LabError(String key, Object[] args) {

  public static LabError of(Throwable t) {
    if (t instanceof LocalizedException e) {
      return new LabError(e.key(), e.args());
    }
    return new LabError("tensors.error.unexpected", new Object[] {String.valueOf(t.getMessage())});
  }

  public String text() {
    return Messages.get(key, args);
  }
}
