package org.tensorworkbench.i18n;

/**
 * A message key given as an argument of another message (for example the name of a field in
 * "{0} must be from 1 to 50"): {@link Messages#get} renders it in the same language as the
 * message it fills, so the engine can name a field without knowing the language.
 */
public record MessageKey(String key) {
  /** The text in the current language. */
  @Override
  public String toString() {
    return Messages.get(key);
  }
}
