package org.tensorworkbench.engine.lab.tensor;

import org.tensorworkbench.i18n.LocalizedException;

/**
 * A problem with what a person typed or chose in a lab (a shape that does not parse, shapes that
 * cannot be broadcast, an axis out of range). It carries an i18n key and its arguments so the
 * screen shows it in the current language, never as a stack trace.
 */
public final class LabInputException extends LocalizedException {
  private static final long serialVersionUID = 1L;

  public LabInputException(String key, Object... args) {
    super(key, args);
  }
}
