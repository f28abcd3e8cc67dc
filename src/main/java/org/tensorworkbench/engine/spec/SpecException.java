package org.tensorworkbench.engine.spec;

import org.tensorworkbench.i18n.LocalizedException;

/**
 * A network description that cannot be used, with a message a student can act on. It carries a
 * message key and its arguments so the text appears in the language chosen when it is shown.
 */
public class SpecException extends LocalizedException {
  private static final long serialVersionUID = 1L;

  public SpecException(String key, Object... args) {
    super(key, args);
  }
}
