package org.tensorworkbench.engine.io;

import org.tensorworkbench.i18n.LocalizedException;

/** An output that must not or cannot be written, found before any work is done. */
public final class OutputPathException extends LocalizedException {
  private static final long serialVersionUID = 1L;

  OutputPathException(String key, Object... args) {
    super(key, args);
  }
}
