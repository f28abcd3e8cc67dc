package org.tensorworkbench.engine.train;

import java.util.Arrays;
import java.util.Locale;
import org.tensorworkbench.i18n.Messages;

/**
 * A training problem a person has to read: an impossible setting, a loss that became NaN. It
 * carries a key of the {@code train} area and its arguments so the text shows in the language
 * chosen when it is displayed.
 */
public final class TrainingException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String key;
  private final transient Object[] arguments;

  public TrainingException(String key, Object... arguments) {
    super(Messages.get(Locale.ENGLISH, key, arguments));
    this.key = key;
    this.arguments = arguments.clone();
  }

  /** The i18n key, e.g. {@code train.error.nanLoss}. */
  public String key() {
    return key;
  }

  public Object[] arguments() {
    return arguments.clone();
  }

  /** The message in the language chosen now. */
  @Override
  public String getLocalizedMessage() {
    return Messages.get(key, arguments);
  }

  @Override
  public String toString() {
    return "TrainingException[" + key + Arrays.toString(arguments) + "]";
  }
}
