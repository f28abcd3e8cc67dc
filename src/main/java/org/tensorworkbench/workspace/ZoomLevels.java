package org.tensorworkbench.workspace;

import java.util.List;

/**
 * The UI zoom steps, in percent of the system font size. Large steps are what a teacher needs to
 * make the workbench readable from the back of a classroom on a projector.
 */
public final class ZoomLevels {
  public static final int MIN = 100;
  public static final int MAX = 200;
  public static final int DEFAULT = 100;

  /** The steps Ctrl+plus and Ctrl+minus move between. */
  public static final List<Integer> STEPS = List.of(100, 110, 125, 150, 175, 200);

  private ZoomLevels() {}

  /** {@code percent} limited to [{@link #MIN}, {@link #MAX}]. */
  public static int clamp(int percent) {
    return Math.max(MIN, Math.min(MAX, percent));
  }

  /** The next larger step, or {@link #MAX} if there is none. */
  public static int larger(int percent) {
    return STEPS.stream().filter(s -> s > percent).findFirst().orElse(MAX);
  }

  /** The next smaller step, or {@link #MIN} if there is none. */
  public static int smaller(int percent) {
    for (int i = STEPS.size() - 1; i >= 0; i--) {
      if (STEPS.get(i) < percent) {
        return STEPS.get(i);
      }
    }
    return MIN;
  }
}
