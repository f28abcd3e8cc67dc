package org.tensorworkbench.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Whether a workspace is being presented on a projector (the Learn workspace's presenter mode):
 * while it is, the main window shows that workspace alone, without its menus, navigation and
 * status bar. One flag exists per {@link AppContext}; the workspace sets it, the main window
 * follows it. Use it on the FX thread.
 */
public final class Presenting {
  private final BooleanProperty active = new SimpleBooleanProperty();

  Presenting() {}

  /** The flag shared by every screen of the app wired with {@code context}. */
  public static Presenting of(AppContext context) {
    return context.links().presenting();
  }

  /** True while a workspace is presented alone. */
  public BooleanProperty activeProperty() {
    return active;
  }
}
