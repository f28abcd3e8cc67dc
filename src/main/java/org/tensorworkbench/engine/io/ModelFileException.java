package org.tensorworkbench.engine.io;

import java.io.IOException;
import java.util.Arrays;
import org.tensorworkbench.i18n.Messages;

/**
 * A model file that cannot be read: not a model at all, cut short, damaged, or written by a
 * newer version. Carries a message key of the {@code model} area and its arguments, so the
 * message appears in the language chosen when it is shown.
 */
public class ModelFileException extends IOException {
  private static final long serialVersionUID = 1L;
  private final String key;
  private final transient Object[] args;

  public ModelFileException(String key, Throwable cause, Object... args) {
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

  @Override
  public String getLocalizedMessage() {
    return Messages.get(key, args);
  }

  @Override
  public String getMessage() {
    return getLocalizedMessage();
  }
}
