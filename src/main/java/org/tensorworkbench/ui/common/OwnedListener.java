package org.tensorworkbench.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;

/**
 * A listener on an app-wide value (the language, the zoom) that lives only as long as the node
 * it updates. The app-wide value holds it weakly and the node holds it strongly, so a screen that
 * was closed or replaced is not kept alive by the value, which lives as long as the app (a plain
 * {@code addListener} there kept every screen ever made, with its models and pictures).
 */
final class OwnedListener {
  private OwnedListener() {}

  /** Runs {@code action} after every change of {@code source}, for as long as {@code owner} is reachable. */
  static void attach(Node owner, ObservableValue<?> source, Runnable action) {
    ChangeListener<Object> listener = (obs, old, now) -> action.run();
    owner.getProperties().put(listener, Boolean.TRUE);
    source.addListener(new WeakChangeListener<>(listener));
  }
}
