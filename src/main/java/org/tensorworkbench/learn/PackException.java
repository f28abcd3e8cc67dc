package org.tensorworkbench.learn;

import org.tensorworkbench.i18n.LocalizedException;
import org.tensorworkbench.i18n.Messages;

/**
 * A lesson pack that cannot be used: the file, the line and the reason, e.g. "d2l/conv.zh_CN.md,
 * line 12: step 'make-3x4' has no check in English but one here". The message follows the
 * language in use when it is read.
 */
public final class PackException extends LocalizedException {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final int line;

  /**
   * @param file the file as the user knows it, e.g. {@code d2l/pack.yaml}
   * @param line the 1-based line, or 0 when the problem is the file as a whole
   * @param reasonKey the i18n key of the reason
   */
  public PackException(String file, int line, String reasonKey, Object... reasonArgs) {
    super(line > 0 ? "learn.error.atLine" : "learn.error.inFile", file, line, new Reason(reasonKey, reasonArgs));
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  /** A reason rendered in the current language when the message is formatted. */
  private record Reason(String key, Object[] args) {
    @Override
    public String toString() {
      return Messages.get(key, args);
    }
  }
}
