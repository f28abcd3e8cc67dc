package org.tensorworkbench.engine;

import org.tensorworkbench.i18n.LocalizedException;

/**
 * The compute engine could not start, with a message a person can act on (in the current
 * language) instead of the native loader's stack trace: typically a GPU build on a machine
 * without CUDA 11.6, or native libraries that cannot be unpacked.
 */
public final class EngineStartException extends LocalizedException {
  private static final long serialVersionUID = 1L;

  EngineStartException(String key, Throwable cause, Object... args) {
    super(cause, key, args);
  }
}
