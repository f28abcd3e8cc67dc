package org.tensorworkbench.i18n;

import java.util.Arrays;

/**
 * A problem a person can act on, carrying a message key and its arguments instead of a fixed
 * text, so {@link #getMessage()} is rendered in the language chosen when it is shown.
 */
public abstract class LocalizedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String key;
  private final transient Object[] args;

  protected LocalizedException(String key, Object... args) {
    this(null, key, args);
  }

  protected LocalizedException(Throwable cause, String key, Object... args) {
    super(key + Arrays.toString(args), cause);
    this.key = key;
    this.args = args.clone();
  }

  public String key() {
    return key;
  }

  public Object[] args() {
    return args.clone();
  }

  /** The message in the current language. */
  @Override
  public String getMessage() {
    return Messages.get(key, args);
  }

  @Override
  public String getLocalizedMessage() {
    return getMessage();
  }
}
