package org.tensorworkbench.engine.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tensorworkbench.i18n.Messages;

/**
 * A message about a network for a person to read, kept as a bundle key and its arguments so it
 * can be shown in whichever language is active when it is displayed (validation issues, shape
 * errors). Arguments are numbers and plain strings (node ids, shapes, formulas).
 */
public record SpecMessage(String key, List<Object> args) {
  public SpecMessage {
    if (key == null || !key.startsWith("spec.")) {
      throw new IllegalArgumentException("not a spec message key: " + key);
    }
    args = List.copyOf(args);
  }

  public static SpecMessage of(String key, Object... args) {
    return new SpecMessage(key, Arrays.asList(args));
  }

  /** The same key and arguments as an exception, e.g. to refuse an invalid network. */
  public static SpecMessage of(SpecException e) {
    return of(e.key(), e.args());
  }

  /** The text in the current language. */
  public String text() {
    return Messages.get(key, args.toArray());
  }

  public String text(Locale locale) {
    return Messages.get(locale, key, args.toArray());
  }

  public SpecException toException() {
    return new SpecException(key, args.toArray());
  }
}
