package org.tensorworkbench.engine.spec;

import java.util.Arrays;
import org.tensorworkbench.i18n.Messages;

/**
 * A network description that cannot be used, with a message a student can act on. It carries a
 * message key and its arguments so the text appears in the language chosen when it is shown.
 */
public class SpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String key;
  private final transient Object[] args;

  public SpecException(String key, Object... args) {
    super(key + Arrays.toString(args));
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
  public String getLocalizedMessage() {
    return Messages.get(key, args);
  }

  @Override
  public String getMessage() {
    return getLocalizedMessage();
  }
}
