package org.tensorworkbench.engine.lab.tensor;

import java.util.Locale;
import org.tensorworkbench.i18n.Messages;

/**
 * A problem with what a person typed or chose in a lab (a shape that does not parse, shapes that
 * cannot be broadcast, an axis out of range). It carries an i18n key and its arguments so the
 * screen shows it in the current language, never as a stack trace.
 */
public final class LabInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String key;
  private final transient Object[] args;

  public LabInputException(String key, Object... args) {
    super(Messages.get(Locale.ENGLISH, key, args));
    this.key = key;
    this.args = args.clone();
  }

  /** The i18n key, e.g. {@code tensors.error.badShape}. */
  public String key() {
    return key;
  }

  public Object[] args() {
    return args.clone();
  }

  /** The message in the current language. */
  public String localized() {
    return Messages.get(key, args);
  }
}
