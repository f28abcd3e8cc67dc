package org.tensorworkbench.ui.common;

import javafx.animation.AnimationTimer;
import javafx.beans.value.ObservableValue;

/**
 * Hands background results to the screen once per frame while work is running: {@code drain}
 * runs on every pulse from the moment {@code busy} becomes true, once more after it turns false
 * (so the last results are shown), then the timer stops until the next run.
 */
public final class FrameDrain {
  private FrameDrain() {}

  /** Starts draining whenever {@code busy} becomes true. Call on the FX thread. */
  public static void whileBusy(ObservableValue<Boolean> busy, Runnable drain) {
    AnimationTimer frames = new AnimationTimer() {
      @Override
      public void handle(long now) {
        drain.run();
        if (!Boolean.TRUE.equals(busy.getValue())) {
          stop();
        }
      }
    };
    busy.addListener((obs, was, now) -> {
      if (Boolean.TRUE.equals(now)) {
        frames.start();
      }
    });
  }
}
