package org.tensorworkbench.engine.export;

import org.tensorworkbench.i18n.LocalizedException;

/**
 * A model that cannot be exported or a file that cannot be imported, with a message key of the
 * {@code export} area, e.g. the name of a layer the format cannot express or the list of ONNX
 * operators the palette has no layer for. Nothing is written when it is thrown.
 */
public class ExportException extends LocalizedException {
  private static final long serialVersionUID = 1L;

  public ExportException(String key, Object... args) {
    super(key, args);
  }

  public ExportException(Throwable cause, String key, Object... args) {
    super(cause, key, args);
  }
}
