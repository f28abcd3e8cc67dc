package org.tensorworkbench.ui.common;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import org.tensorworkbench.i18n.Messages;

/**
 * The FX side of {@link Messages}: texts as bindings that follow the language chosen at run time.
 * Call {@link #setLocale} on the FX thread.
 */
public final class I18n {
  private static final ObjectProperty<Locale> LOCALE = new SimpleObjectProperty<>(Messages.locale());

  private I18n() {}

  public static ObjectProperty<Locale> localeProperty() {
    return LOCALE;
  }

  public static void setLocale(Locale locale) {
    Messages.setLocale(locale);
    LOCALE.set(Messages.locale());
  }

  /**
   * Runs {@code action} after every change of language, for as long as {@code owner} is in use:
   * the language does not keep a closed screen alive (see {@link OwnedListener}).
   */
  public static void onChange(Node owner, Runnable action) {
    OwnedListener.attach(owner, LOCALE, action);
  }

  /** The text for {@code key} now. */
  public static String get(String key, Object... args) {
    return Messages.get(key, args);
  }

  /** The text for {@code key}, re-read whenever the language changes. */
  public static StringBinding text(String key, Object... args) {
    return Bindings.createStringBinding(() -> Messages.get(key, args), LOCALE);
  }
}
