package org.tensorworkbench.ui.common;

import java.util.Map;
import java.util.WeakHashMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Whether a workspace is being presented on a projector (the Learn workspace's presenter mode):
 * while it is, the main window shows that workspace alone, without its menus, navigation and
 * status bar. One flag exists per {@link AppContext}; the workspace sets it, the main window
 * follows it. Use it on the FX thread.
 */
public final class Presenting {
  private static final Map<AppContext, Presenting> BY_CONTEXT = new WeakHashMap<>();

  private final BooleanProperty active = new SimpleBooleanProperty();

  private Presenting() {}

  /** The flag shared by every screen of the app wired with {@code context}. */
  public static synchronized Presenting of(AppContext context) {
    return BY_CONTEXT.computeIfAbsent(context, c -> new Presenting());
  }

  /** True while a workspace is presented alone. */
  public BooleanProperty activeProperty() {
    return active;
  }
}
