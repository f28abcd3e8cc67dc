package org.tensorworkbench.engine.data;

import org.tensorworkbench.i18n.LocalizedException;

/**
 * A problem with a dataset that a person has to read: a missing, corrupt, truncated or
 * mismatched file, an unusable CSV column, a failed download. It carries an i18n key of the
 * {@code data} area and its arguments, so the same error shows in English or Chinese; the
 * message always names the file (or dataset) and the problem, never only an exception class.
 */
public final class DatasetException extends LocalizedException {
  private static final long serialVersionUID = 1L;

  /** An error whose text is {@code Messages.get(key, args)}. */
  public DatasetException(String key, Object... args) {
    super(key, args);
  }

  /** As {@link #DatasetException(String, Object...)}, keeping the low-level cause for logs. */
  public DatasetException(Throwable cause, String key, Object... args) {
    super(cause, key, args);
  }
}
