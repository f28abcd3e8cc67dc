package org.tensorworkbench.engine.data;

import java.util.Locale;
import org.tensorworkbench.i18n.Messages;

/**
 * A problem with a dataset that a person has to read: a missing, corrupt, truncated or
 * mismatched file, an unusable CSV column, a failed download. It carries an i18n key of the
 * {@code data} area and its arguments, so the same error shows in English or Chinese; the
 * message always names the file (or dataset) and the problem, never only an exception class.
 */
public final class DatasetException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String key;
  private final transient Object[] arguments;

  /** An error whose text is {@code Messages.get(key, arguments)}. */
  public DatasetException(String key, Object... arguments) {
    this(null, key, arguments);
  }

  /** As {@link #DatasetException(String, Object...)}, keeping the low-level cause for logs. */
  public DatasetException(Throwable cause, String key, Object... arguments) {
    super(Messages.get(Locale.ENGLISH, key, arguments), cause);
    this.key = key;
    this.arguments = arguments.clone();
  }

  /** The i18n key, e.g. {@code data.error.hashMismatch}. */
  public String key() {
    return key;
  }

  /** The arguments filled into the message (file names, counts...). */
  public Object[] arguments() {
    return arguments.clone();
  }

  /** The message in the language chosen now. */
  @Override
  public String getLocalizedMessage() {
    return Messages.get(key, arguments);
  }
}
