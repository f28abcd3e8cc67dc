package org.tensorworkbench.workspace;

/**
 * Where the main window was on screen when the app last closed.
 *
 * @param x left edge in screen pixels
 * @param y top edge in screen pixels
 * @param width width of the window when not maximized
 * @param height height of the window when not maximized
 * @param maximized whether the window filled the screen
 */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
  /** The smallest window that still shows the navigation and a workspace. */
  public static final double MIN_WIDTH = 640;

  public static final double MIN_HEIGHT = 480;

  /** Whether these bounds describe a usable window (finite, at least the minimum size). */
  public boolean usable() {
    return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(width) && Double.isFinite(height)
        && width >= MIN_WIDTH && height >= MIN_HEIGHT;
  }
}
