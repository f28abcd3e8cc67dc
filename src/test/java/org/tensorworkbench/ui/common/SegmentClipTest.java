package org.tensorworkbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Segments against the rectangle [0, 10] × [0, 5], with the clipped ends worked out by hand. */
class SegmentClipTest {
  private static double[] clipped(double x0, double y0, double x1, double y1) {
    double[] seg = {x0, y0, x1, y1};
    assertTrue(SegmentClip.clip(seg, 0, 0, 10, 5), "a part is inside");
    return seg;
  }

  private static void outside(double x0, double y0, double x1, double y1) {
    double[] seg = {x0, y0, x1, y1};
    assertFalse(SegmentClip.clip(seg, 0, 0, 10, 5));
    assertArrayEquals(new double[] {x0, y0, x1, y1}, seg, "left as it was");
  }

  @Test
  void aSegmentInsideIsUnchanged() {
    assertArrayEquals(new double[] {1, 1, 9, 4}, clipped(1, 1, 9, 4), 1e-12);
  }

  @Test
  void aSegmentLeavingThroughTheRightEdgeEndsOnIt() {
    // from (8, 1) to (12, 3): x = 10 at t = 1/2, where y = 2
    assertArrayEquals(new double[] {8, 1, 10, 2}, clipped(8, 1, 12, 3), 1e-12);
  }

  @Test
  void aSegmentCrossingTheWholeRectangleIsCutAtBothEnds() {
    // from (-5, 2.5) to (15, 2.5), horizontal: cut at x = 0 and x = 10
    assertArrayEquals(new double[] {0, 2.5, 10, 2.5}, clipped(-5, 2.5, 15, 2.5), 1e-12);
    // from (-2, -1) to (12, 6): slope 1/2, enters at x = 0 (y = 0), leaves at y = 5 (x = 10)
    assertArrayEquals(new double[] {0, 0, 10, 5}, clipped(-2, -1, 12, 6), 1e-12);
  }

  @Test
  void aSteepSegmentIsCutAtTheTopAndBottom() {
    // from (5, -5) to (5, 10), vertical: y from 0 to 5
    assertArrayEquals(new double[] {5, 0, 5, 5}, clipped(5, -5, 5, 10), 1e-12);
    // the same upwards: the direction is kept
    assertArrayEquals(new double[] {5, 5, 5, 0}, clipped(5, 10, 5, -5), 1e-12);
  }

  @Test
  void segmentsOutsideAreRejected() {
    outside(11, 1, 15, 4); // right of it
    outside(1, 6, 9, 8); // above it
    outside(-3, 1, -1, 1); // left of it, horizontal
    outside(12, 2, 16, 2); // right of it, horizontal: parallel to the top and bottom edges
    outside(-2, 4, 1, 7); // passes the corner (0, 5) on the outside: y = x + 6
    outside(1, 1, Double.NaN, 4); // a value that is not a number draws nothing
    outside(1, 1, 9, Double.POSITIVE_INFINITY);
  }

  @Test
  void aSegmentTouchingACornerKeepsThatPoint() {
    // y = x + 5 from (-1, 4) to (1, 6) touches the corner (0, 5) only
    assertArrayEquals(new double[] {0, 5, 0, 5}, clipped(-1, 4, 1, 6), 1e-12);
  }
}
