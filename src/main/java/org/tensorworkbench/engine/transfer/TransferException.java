package org.tensorworkbench.engine.transfer;

import org.tensorworkbench.i18n.LocalizedException;

/** A fine-tuning problem a person has to read, with a key of the {@code transfer} area. */
public final class TransferException extends LocalizedException {
  private static final long serialVersionUID = 1L;

  public TransferException(String key, Object... args) {
    super(key, args);
  }

  public TransferException(Throwable cause, String key, Object... args) {
    super(cause, key, args);
  }
}
