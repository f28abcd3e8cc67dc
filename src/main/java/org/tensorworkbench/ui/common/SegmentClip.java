package org.tensorworkbench.ui.common;

/**
 * Clips a line segment to an axis-aligned rectangle (Liang and Barsky, "A New Concept and Method
 * for Line Clipping", ACM TOG 1984): the segment P(t) = P0 + t (P1 - P0), 0 ≤ t ≤ 1, is inside
 * where t lies between the largest entering and the smallest leaving edge parameter. The charts
 * ({@code CurveChart}, the Generalization Lab's fit plot) clip their lines with it instead of a
 * canvas clip, which JavaFX renders through a mask texture made again at every redraw.
 */
public final class SegmentClip {
  private SegmentClip() {}

  /**
   * Clips {@code seg} = {x0, y0, x1, y1} in place to [xMin, xMax] × [yMin, yMax].
   *
   * @return false if no part of the segment is inside, or an end is not a finite point (then
   *     {@code seg} is unchanged)
   */
  public static boolean clip(double[] seg, double xMin, double yMin, double xMax, double yMax) {
    for (double v : seg) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    double x0 = seg[0];
    double y0 = seg[1];
    double dx = seg[2] - x0;
    double dy = seg[3] - y0;
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {x0 - xMin, xMax - x0, y0 - yMin, yMax - y0};
    double enter = 0;
    double leave = 1;
    for (int i = 0; i < 4; i++) {
      if (p[i] == 0) {
        if (q[i] < 0) {
          return false; // parallel to this edge and outside it
        }
      } else {
        double t = q[i] / p[i];
        if (p[i] < 0) {
          enter = Math.max(enter, t);
        } else {
          leave = Math.min(leave, t);
        }
      }
    }
    if (enter > leave) {
      return false;
    }
    seg[0] = x0 + enter * dx;
    seg[1] = y0 + enter * dy;
    seg[2] = x0 + leave * dx;
    seg[3] = y0 + leave * dy;
    return true;
  }
}
