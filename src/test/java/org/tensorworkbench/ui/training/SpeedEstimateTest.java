package org.tensorworkbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The tiles' pace and time left, on a clock the test sets. */
class SpeedEstimateTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void beforeAWindowClosesThePaceIsTheMinibatchesOwnSmoothed() {
    SpeedEstimate speed = new SpeedEstimate();
    speed.minibatch(1000);
    speed.minibatch(2000);
    speed.progress(2, SECOND, false);
    assertEquals(0.9 * 1000 + 0.1 * 2000, speed.examplesPerSecond(64), 1e-9);
    assertTrue(Double.isNaN(speed.secondsLeft(100)), "no time left before a window closed");
  }

  @Test
  void aClosedWindowGivesTheWallClockPaceAndTimeLeft() {
    SpeedEstimate speed = new SpeedEstimate();
    speed.minibatch(99_999);
    speed.progress(10, SECOND, false);
    speed.progress(40, 4 * SECOND, false); // 30 minibatches in 3 s
    assertEquals(10 * 64, speed.examplesPerSecond(64), 1e-9);
    assertEquals(50, speed.secondsLeft(500), 1e-9);
  }

  @Test
  void aPauseRestartsTheWindowAndResetForgets() {
    SpeedEstimate speed = new SpeedEstimate();
    speed.progress(10, SECOND, false);
    speed.progress(11, 60 * SECOND, true); // a minute paused: not training time
    speed.progress(41, 63 * SECOND, false);
    assertEquals(10, speed.examplesPerSecond(1), 1e-9);
    speed.reset();
    assertTrue(Double.isNaN(speed.examplesPerSecond(1)));
  }
}
