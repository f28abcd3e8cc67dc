package org.tensorworkbench.engine.lab.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OpCountsTest {

  @Test
  void paddleHomeworkCountsAreExact() {
    // input [10, 3, 224, 224], 64 output channels, 3x3, padding 1, stride 1 -> output 224x224
    int out = ConvShape.of(224, 3, 1, 1, 1).out();
    OpCounts noBias = OpCounts.of(10, 3, 64, out, out, 3, 3, false);
    OpCounts withBias = OpCounts.of(10, 3, 64, out, out, 3, 3, true);
    assertEquals(867_041_280L, noBias.multiplications());
    assertEquals(10L * 64 * 224 * 224 * 3 * 3 * 3, noBias.multiplications());
    assertEquals(834_928_640L, noBias.additions()); // 26 additions per output value
    assertEquals(867_041_280L, withBias.multiplications());
    assertEquals(867_041_280L, withBias.additions()); // 27 with the bias
  }

  @Test
  void batchScalesLinearly() {
    OpCounts one = OpCounts.of(1, 3, 64, 224, 224, 3, 3, true);
    assertEquals(OpCounts.of(10, 3, 64, 224, 224, 3, 3, true), one.times(10));
  }

  @Test
  void oneTapNoBiasNeedsNoAddition() {
    assertEquals(new OpCounts(12, 0), OpCounts.of(1, 1, 1, 3, 4, 1, 1, false));
  }
}
