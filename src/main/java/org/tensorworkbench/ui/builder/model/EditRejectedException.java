package org.tensorworkbench.ui.builder.model;

import org.tensorworkbench.i18n.LocalizedException;

/**
 * An edit that cannot be made (a connection that would form a loop, a name already taken...),
 * with the reason as a {@code builder.} message key so it is shown in the active language.
 */
public final class EditRejectedException extends LocalizedException {
  private static final long serialVersionUID = 1L;

  public EditRejectedException(String key, Object... args) {
    super(key, args);
  }
}
