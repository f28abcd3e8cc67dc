package org.tensorworkbench.ui.common;

import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;

/**
 * Dialog buttons in the workbench's language. JavaFX's own {@link ButtonType#OK} and friends are
 * labelled in the JVM's default language, not the one chosen in the menu.
 */
public final class DialogButtons {
  private DialogButtons() {}

  public static ButtonType ok() {
    return new ButtonType(I18n.get("shell.dialog.ok"), ButtonData.OK_DONE);
  }

  public static ButtonType cancel() {
    return new ButtonType(I18n.get("shell.dialog.cancel"), ButtonData.CANCEL_CLOSE);
  }

  public static ButtonType close() {
    return new ButtonType(I18n.get("shell.dialog.close"), ButtonData.CANCEL_CLOSE);
  }
}
