package org.tensorworkbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AxisTicksTest {

  @Test
  void ticksAreOneTwoOrFiveTimesAPowerOfTen() {
    assertArrayEquals(new double[] {0, 0.5, 1, 1.5, 2, 2.5}, AxisTicks.nice(0, 2.7, 6), 1e-12);
    assertArrayEquals(new double[] {200, 400, 600, 800}, AxisTicks.nice(150, 930, 5), 1e-12);
    assertArrayEquals(new double[] {0.02, 0.04, 0.06}, AxisTicks.nice(0.011, 0.069, 4), 1e-12);
  }

  @Test
  void labelsArePlainOrScientific() {
    assertEquals("0", AxisTicks.format(0));
    assertEquals("200", AxisTicks.format(200));
    assertEquals("0.05", AxisTicks.format(0.05));
    assertEquals("1e-4", AxisTicks.format(1e-4));
    assertEquals("2e5", AxisTicks.format(2e5));
    assertEquals("0.4321", AxisTicks.formatValue(0.43214));
    assertEquals("1.234e-05", AxisTicks.formatValue(1.2341e-5));
    assertEquals("NaN", AxisTicks.formatValue(Double.NaN));
  }
}
