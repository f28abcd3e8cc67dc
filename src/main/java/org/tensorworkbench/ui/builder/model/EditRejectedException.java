package org.tensorworkbench.ui.builder.model;

import java.util.Arrays;
import org.tensorworkbench.i18n.Messages;

/**
 * An edit that cannot be made (a connection that would form a loop, a name already taken...),
 * with the reason as a {@code builder.} message key so it is shown in the active language.
 */
public final class EditRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String key;
  private final transient Object[] args;

  public EditRejectedException(String key, Object... args) {
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

  @Override
  public String getMessage() {
    return Messages.get(key, args);
  }
}
