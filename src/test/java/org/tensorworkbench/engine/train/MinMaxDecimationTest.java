package org.tensorworkbench.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MinMaxDecimationTest {

  @Test
  void keepsEveryPointOfAShortSeries() {
    assertArrayEquals(new int[] {0, 1, 2}, MinMaxDecimation.keep(new double[] {3, 1, 2}, 4));
  }

  @Test
  void keepsTheMinimumAndMaximumOfEachBucketInOrder() {
    // 10 points, 6 kept: first, last and 2 buckets of the 8 inner points (1..4 and 5..8)
    double[] y = {5, 4, 9, 1, 6, 7, 0, 8, 3, 2};
    int[] kept = MinMaxDecimation.keep(y, 6);
    // bucket 1..4: min 1 at index 3, max 9 at index 2; bucket 5..8: min 0 at 6, max 8 at 7
    assertArrayEquals(new int[] {0, 2, 3, 6, 7, 9}, kept);
  }

  @Test
  void aSpikeInAMillionPointsSurvives() {
    double[] y = new double[1_000_000];
    Arrays.fill(y, 1.0);
    y[123_457] = 50.0;
    y[765_433] = Double.NaN;
    int[] kept = MinMaxDecimation.keep(y, 2000);
    assertTrue(kept.length <= 2000, "kept " + kept.length);
    assertTrue(Arrays.binarySearch(kept, 123_457) >= 0);
    assertTrue(Arrays.binarySearch(kept, 765_433) >= 0);
    assertEquals(0, kept[0]);
    assertEquals(999_999, kept[kept.length - 1]);
    for (int i = 1; i < kept.length; i++) {
      assertTrue(kept[i] > kept[i - 1]);
    }
  }
}
