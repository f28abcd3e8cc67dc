package org.tensorworkbench.engine;

import org.tensorworkbench.i18n.LocalizedException;

/** An operation refused before it started because {@link MemoryEstimate} says it will not fit. */
public final class NotEnoughMemoryException extends LocalizedException {
  private static final long serialVersionUID = 1L;

  NotEnoughMemoryException(String key, Object... args) {
    super(key, args);
  }
}
