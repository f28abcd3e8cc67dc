package org.tensorworkbench.engine.lab.playground;

import org.tensorworkbench.i18n.LocalizedException;

/** A Playground setting the lab cannot use, with a message key of the {@code playground} bundle. */
public final class PlaygroundException extends LocalizedException {
  private static final long serialVersionUID = 1L;

  public PlaygroundException(String key, Object... args) {
    super(key, args);
  }
}
