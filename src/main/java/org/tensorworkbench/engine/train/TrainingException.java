package org.tensorworkbench.engine.train;

import org.tensorworkbench.i18n.LocalizedException;

/**
 * A training problem a person has to read: an impossible setting, a loss that became NaN. It
 * carries a key of the {@code train} area and its arguments so the text shows in the language
 * chosen when it is displayed.
 */
public final class TrainingException extends LocalizedException {
  private static final long serialVersionUID = 1L;

  public TrainingException(String key, Object... args) {
    super(key, args);
  }
}
