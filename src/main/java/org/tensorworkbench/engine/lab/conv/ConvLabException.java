package org.tensorworkbench.engine.lab.conv;

import org.tensorworkbench.i18n.Messages;

/**
 * A problem a person caused and can fix (a kernel larger than the padded image, an unreadable
 * file, a malformed kernel text). It carries an i18n key and its arguments, so the message is
 * shown in the language chosen when it is read, never as a stack trace.
 */
public final class ConvLabException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String key;
  private final transient Object[] args;

  public ConvLabException(String key, Object... args) {
    super(key);
    this.key = key;
    this.args = args.clone();
  }

  public ConvLabException(Throwable cause, String key, Object... args) {
    super(key, cause);
    this.key = key;
    this.args = args.clone();
  }

  public String key() {
    return key;
  }

  @Override
  public String getMessage() {
    return Messages.get(key, args);
  }

  @Override
  public String getLocalizedMessage() {
    return getMessage();
  }
}
