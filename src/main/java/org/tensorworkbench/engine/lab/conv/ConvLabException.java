package org.tensorworkbench.engine.lab.conv;

import org.tensorworkbench.i18n.LocalizedException;

/**
 * A problem a person caused and can fix (a kernel larger than the padded image, an unreadable
 * file, a malformed kernel text). It carries an i18n key and its arguments, so the message is
 * shown in the language chosen when it is read, never as a stack trace.
 */
public final class ConvLabException extends LocalizedException {
  private static final long serialVersionUID = 1L;

  public ConvLabException(String key, Object... args) {
    super(key, args);
  }

  public ConvLabException(Throwable cause, String key, Object... args) {
    super(cause, key, args);
  }
}
