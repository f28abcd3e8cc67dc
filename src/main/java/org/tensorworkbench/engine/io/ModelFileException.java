package org.tensorworkbench.engine.io;

import org.tensorworkbench.i18n.LocalizedException;

/**
 * A model file that cannot be used: not a model at all, cut short, damaged, weights that do not
 * fit its network, written by a newer version, or a model that does not fit the data it is given.
 * Carries a message key of the {@code model} area and its arguments, so the message appears in
 * the language chosen when it is shown.
 */
public class ModelFileException extends LocalizedException {
  private static final long serialVersionUID = 1L;

  public ModelFileException(String key, Throwable cause, Object... args) {
    super(cause, key, args);
  }
}
