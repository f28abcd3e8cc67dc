package org.tensorworkbench.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConvArithmeticTest {

  @Test
  void outputSizeFollowsTheFloorFormula() {
    assertEquals(28, ConvArithmetic.outputSize(28, 5, 1, 2, 1)); // LeNet conv1: (28 + 4 − 5)/1 + 1
    assertEquals(10, ConvArithmetic.outputSize(14, 5, 1, 0, 1));
    assertEquals(2, ConvArithmetic.outputSize(5, 2, 2, 0, 1)); // ⌊3/2⌋ + 1
    assertEquals(54, ConvArithmetic.outputSize(224, 11, 4, 1, 1)); // AlexNet conv1: ⌊215/4⌋ + 1
    assertEquals(5, ConvArithmetic.outputSize(9, 3, 1, 0, 2)); // dilated span 5: 9 − 5 + 1
    assertEquals(0, ConvArithmetic.outputSize(4, 5, 1, 0, 1));
    assertEquals(-1, ConvArithmetic.outputSize(2, 5, 2, 0, 1)); // ⌊−3/2⌋ + 1 rounds towards −∞
  }

  @Test
  void samePaddingPutsTheExtraRowAtTheBottom() {
    assertEquals(14, ConvArithmetic.sameOutputSize(28, 2));
    assertEquals(3, ConvArithmetic.samePaddingTotal(28, 5, 2, 1)); // 13·2 + 5 − 28
    assertEquals(1, ConvArithmetic.samePaddingBefore(28, 5, 2, 1));
    assertEquals(2, ConvArithmetic.samePaddingAfter(28, 5, 2, 1));
    assertEquals(2, ConvArithmetic.samePaddingTotal(7, 3, 1, 1));
    assertEquals(1, ConvArithmetic.samePaddingAfter(7, 3, 1, 1));
    assertEquals(0, ConvArithmetic.samePaddingTotal(8, 1, 2, 1)); // (4 − 1)·2 + 1 − 8 < 0
    assertEquals(4, ConvArithmetic.sameOutputSize(7, 2));
  }

  @Test
  void countsTheFirstVggConvolutionOnImageNetExactly() {
    // [10, 3, 224, 224] -> 3x3 conv to 64 channels, padding 1: output [10, 64, 224, 224].
    // outputs = 10·64·224·224 = 640·50,176 = 32,112,640; each is a dot product of 3·3·3 = 27 terms.
    long out = ConvArithmetic.outputSize(224, 3, 1, 1, 1);
    assertEquals(224, out);
    assertEquals(867_041_280L, ConvArithmetic.convMultiplications(10, 3, 64, out, out, 3, 3)); // 32,112,640·27
    assertEquals(834_928_640L, ConvArithmetic.convAdditions(10, 3, 64, out, out, 3, 3, false)); // ·26
    assertEquals(867_041_280L, ConvArithmetic.convAdditions(10, 3, 64, out, out, 3, 3, true)); // ·26 + ·1
  }

  @Test
  void aDenseLayerIsAOneByOneConvolution() {
    assertEquals(48_000, ConvArithmetic.denseMultiplications(1, 400, 120));
    assertEquals(47_880 + 120, ConvArithmetic.denseAdditions(1, 400, 120, true)); // 120·399 + 120
    assertEquals(2 * 47_880, ConvArithmetic.denseAdditions(2, 400, 120, false));
  }
}
