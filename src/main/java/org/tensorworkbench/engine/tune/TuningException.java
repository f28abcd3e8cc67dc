package org.tensorworkbench.engine.tune;

import org.tensorworkbench.i18n.LocalizedException;

/**
 * A tuning problem a person has to read (a bad search space, an unreadable study folder),
 * carrying a key of the {@code tuning} area so it shows in the language chosen.
 */
public final class TuningException extends LocalizedException {
  private static final long serialVersionUID = 1L;

  public TuningException(String key, Object... args) {
    super(key, args);
  }
}
