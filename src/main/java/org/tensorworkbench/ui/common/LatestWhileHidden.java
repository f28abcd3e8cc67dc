package org.tensorworkbench.ui.common;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Passes values on to a view while it is shown; while it is hidden keeps only the latest and
 * passes that on once the view is shown again, so a hidden view does no work for values nobody
 * sees. FX thread only.
 *
 * @param <T> the values, e.g. training snapshots
 */
public final class LatestWhileHidden<T> {
  private final BooleanSupplier shown;
  private final Consumer<T> view;
  private T held;

  public LatestWhileHidden(BooleanSupplier shown, Consumer<T> view) {
    this.shown = shown;
    this.view = view;
  }

  /** A new value: to the view now if it is shown, else kept in place of the one kept before. */
  public void offer(T value) {
    if (shown.getAsBoolean()) {
      held = null;
      view.accept(value);
    } else {
      held = value;
    }
  }

  /** The view has just been shown: it gets the value kept while it was hidden, if any. */
  public void showing() {
    if (held != null) {
      T value = held;
      held = null;
      view.accept(value);
    }
  }

  /** Forgets the kept value, e.g. when what it belonged to is gone. */
  public void clear() {
    held = null;
  }
}
