package org.tensorworkbench.engine.augment;

import org.tensorworkbench.i18n.LocalizedException;

/**
 * An augmentation problem a person has to read (a probability outside [0, 1], a cutout larger
 * than the image, an unreadable pipeline file), carrying a key of the {@code transfer} area so it
 * shows in the language chosen.
 */
public final class AugmentException extends LocalizedException {
  private static final long serialVersionUID = 1L;

  public AugmentException(String key, Object... args) {
    super(key, args);
  }
}
