package org.tensorworkbench.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every string a person reads, in English and Simplified Chinese.
 *
 * <p>Keys are {@code area.rest}; the area names the bundle {@code
 * org/tensorworkbench/i18n/<area>_messages[_zh_CN].properties}, so each screen and the engine own
 * a bundle of their own and no central list has to be kept. The base bundle is English; Chinese
 * falls back to it key by key (a test makes sure there is nothing to fall back for). Values use
 * {@link MessageFormat} patterns, so a literal apostrophe is written {@code ''}.
 *
 * <p>This class is JDK-only so the engine and the command line can use it; the UI binds to it
 * through {@code ui.common.I18n}.
 */
public final class Messages {
  /** The languages the workbench speaks, in menu order. */
  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

  private static final String BUNDLE_PREFIX = "org.tensorworkbench.i18n.";
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
  private static final List<Consumer<Locale>> LISTENERS = new CopyOnWriteArrayList<>();
  private static volatile Locale locale = supportedOrEnglish(Locale.getDefault());

  private Messages() {}

  /** The supported locale closest to {@code wanted}: Chinese for any zh locale, else English. */
  public static Locale supportedOrEnglish(Locale wanted) {
    return "zh".equals(wanted.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
  }

  public static Locale locale() {
    return locale;
  }

  /** Switches the language and tells every listener (on the caller's thread). */
  public static void setLocale(Locale newLocale) {
    Locale chosen = supportedOrEnglish(newLocale);
    if (chosen.equals(locale)) {
      return;
    }
    locale = chosen;
    LISTENERS.forEach(l -> l.accept(chosen));
  }

  public static void addListener(Consumer<Locale> listener) {
    LISTENERS.add(listener);
  }

  public static void removeListener(Consumer<Locale> listener) {
    LISTENERS.remove(listener);
  }

  /** The text for {@code key} in the current language, with {@code args} filled in. */
  public static String get(String key, Object... args) {
    return get(locale, key, args);
  }

  /** The text for {@code key} in {@code inLocale}, with {@code args} filled in. */
  public static String get(Locale inLocale, String key, Object... args) {
    String pattern;
    try {
      pattern = bundle(key, inLocale).getString(key);
    } catch (MissingResourceException e) {
      return "!" + key + "!";
    }
    Object[] filled = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      filled[i] = args[i] instanceof MessageKey k ? get(inLocale, k.key()) : args[i];
    }
    return new MessageFormat(pattern, inLocale).format(filled);
  }

  /** Whether {@code key} exists in the bundle of its area. */
  public static boolean has(String key) {
    try {
      return bundle(key, locale).containsKey(key);
    } catch (MissingResourceException e) {
      return false;
    }
  }

  private static ResourceBundle bundle(String key, Locale inLocale) {
    int dot = key.indexOf('.');
    if (dot <= 0) {
      throw new MissingResourceException("key has no area prefix", Messages.class.getName(), key);
    }
    String base = BUNDLE_PREFIX + key.substring(0, dot) + "_messages";
    return ResourceBundle.getBundle(base, inLocale, Messages.class.getClassLoader(), NO_FALLBACK);
  }
}
