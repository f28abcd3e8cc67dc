package org.tensorworkbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DecimatedSeriesTest {

  @Test
  void keepsEveryPointUntilFull() {
    DecimatedSeries s = new DecimatedSeries(100);
    for (int i = 0; i < 50; i++) {
      s.add(i, i * i);
    }
    assertEquals(50, s.size());
    assertEquals(49 * 49, s.lastY(), 0);
    assertEquals(10, s.x(10), 0);
  }

  @Test
  void aMillionPointsStayBoundedOrderedAndKeepTheirExtremes() {
    DecimatedSeries s = new DecimatedSeries(2000);
    for (int i = 0; i < 1_000_000; i++) {
      double y = i == 777_777 ? 100 : i == 333_333 ? -100 : Math.sin(i / 1000.0);
      s.add(i, y);
    }
    assertEquals(1_000_000, s.added());
    assertTrue(s.size() <= 2002, "size " + s.size());
    assertTrue(s.size() >= 500, "size " + s.size());
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < s.size(); i++) {
      if (i > 0) {
        assertTrue(s.x(i) > s.x(i - 1), "x increases at " + i);
      }
      max = Math.max(max, s.y(i));
      min = Math.min(min, s.y(i));
    }
    assertEquals(100, max, 0);
    assertEquals(-100, min, 0);
    assertEquals(0, s.x(0), 0);
  }

  @Test
  void theLatestBucketIsVisibleBeforeItIsFull() {
    DecimatedSeries s = new DecimatedSeries(8);
    for (int i = 0; i < 8; i++) {
      s.add(i, i);
    }
    // thinned to 4 points, stride 4: one more point is pending and still drawn
    int before = s.size();
    s.add(8, -5);
    assertEquals(before + 1, s.size());
    assertEquals(-5, s.lastY(), 0);
    assertEquals(8, s.x(s.size() - 1), 0);
  }

  @Test
  void itsRevisionChangesWithEveryPointAndClearEvenWhenTheCountComesBack() {
    DecimatedSeries s = new DecimatedSeries(8);
    long start = s.revision();
    s.add(0, 1);
    s.add(1, 2);
    long two = s.revision();
    assertNotEquals(start, two);
    s.clear();
    s.add(0, 5);
    s.add(1, 6);
    assertEquals(2, s.added()); // the same count as before the clear, other points
    assertNotEquals(two, s.revision());
    for (int i = 2; i < 100; i++) { // decimated: points merge into buckets, the revision still moves
      long before = s.revision();
      s.add(i, i);
      assertNotEquals(before, s.revision());
    }
  }
}
