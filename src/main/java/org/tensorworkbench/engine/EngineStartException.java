package org.tensorworkbench.engine;

import org.tensorworkbench.i18n.Messages;

/**
 * The compute engine could not start, with a message a person can act on (in the current
 * language) instead of the native loader's stack trace: typically a GPU build on a machine
 * without CUDA 11.6, or native libraries that cannot be unpacked.
 */
public final class EngineStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final transient Object[] args;

  EngineStartException(String key, Throwable cause, Object... args) {
    super(Messages.get(java.util.Locale.ENGLISH, key, args), cause);
    this.key = key;
    this.args = args.clone();
  }

  /** The i18n key of the message. */
  public String key() {
    return key;
  }

  /** The message in the language the workbench currently shows. */
  @Override
  public String getLocalizedMessage() {
    return Messages.get(key, args);
  }
}
