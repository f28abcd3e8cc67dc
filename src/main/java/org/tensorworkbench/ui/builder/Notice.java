package org.tensorworkbench.ui.builder;

import org.tensorworkbench.i18n.Messages;

/**
 * A message for the builder's notice bar, kept as a key and arguments so it follows the language.
 *
 * @param error true for a refusal or failure, false for information
 */
public record Notice(boolean error, String key, Object... args) {
  public static Notice info(String key, Object... args) {
    return new Notice(false, key, args);
  }

  public static Notice error(String key, Object... args) {
    return new Notice(true, key, args);
  }

  public String text() {
    return Messages.get(key, args);
  }
}
