package org.tensorworkbench.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Whether a node is on screen: in a scene that is in a window that is showing. A screen's frame
 * timers and repeating animations run only while it is, so a workspace that is not shown costs
 * no frames, and a window that was closed or given another scene is not kept alive by JavaFX's
 * animation timer (a running timer is reachable from the toolkit, and through it everything
 * it draws).
 */
public final class Showing {
  private Showing() {}

  /** True while {@code node} is in a showing window; follows its scene, the scene's window and the window. */
  private static ObservableValue<Boolean> of(Node node) {
    return node.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
  }

  /**
   * Runs {@code start} whenever {@code node} comes on screen (at once if it is) and {@code stop}
   * whenever it leaves. Call on the FX thread.
   */
  public static void whileShowing(Node node, Runnable start, Runnable stop) {
    ObservableValue<Boolean> showing = of(node);
    showing.addListener((obs, was, now) -> (now ? start : stop).run());
    if (showing.getValue()) {
      start.run();
    }
  }
}
