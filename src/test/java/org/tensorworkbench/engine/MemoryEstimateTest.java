package org.tensorworkbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.FlattenSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.ShapeInference;
import org.tensorworkbench.i18n.Messages;

class MemoryEstimateTest {
  // input [B, 1, 28, 28] -> flatten [B, 784] -> dense [B, units] -> output
  private static NetworkSpec mlp(int units) {
    return NetworkSpec.sequential("mlp", InputSpec.of(1, 28, 28), new FlattenSpec(), DenseSpec.of(units),
        new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY));
  }

  @Test
  void trainingCountsParametersGradientsOptimizerStateAndActivationsByHand() {
    // dense 784 -> 10: 7,840 weights + 10 biases = 7,850 parameters = 31,400 bytes
    // outputs per example: input 784 + flatten 784 + dense 10 + output 10 = 1,588 floats;
    // batch 100: 158,800 floats = 635,200 bytes forward, twice that with the backward pass
    MemoryEstimate adam = MemoryEstimate.training(ShapeInference.require(mlp(10), 100), 2);
    assertEquals(31_400, adam.parameterBytes());
    assertEquals(31_400, adam.gradientBytes());
    assertEquals(62_800, adam.optimizerBytes());
    assertEquals(1_270_400, adam.activationBytes());
    assertEquals(31_400 * 4 + 1_270_400, adam.nativeBytes());
    MemoryEstimate sgd = MemoryEstimate.training(ShapeInference.require(mlp(10), 100), 0);
    assertEquals(0, sgd.optimizerBytes());
  }

  @Test
  void aDenseLayerOfABillionUnitsIsEstimatedAndRefusedWithBothNumbers() {
    // 784·10^9 + 10^9 = 785·10^9 parameters: 3.14 TB, and as much again for the gradients
    MemoryEstimate e = MemoryEstimate.training(ShapeInference.require(mlp(1_000_000_000), 1), 0);
    assertEquals(3_140_000_000_000L, e.parameterBytes());
    MemoryEstimate.Available machine = new MemoryEstimate.Available(16_000_000_000L, 4_000_000_000L);
    assertFalse(e.fits(machine));
    Messages.setLocale(Locale.ENGLISH);
    NotEnoughMemoryException refused = assertThrows(NotEnoughMemoryException.class, () -> e.require("Training", machine));
    // batch 1: 784 + 784 + 10^9 + 10^9 outputs, twice: 16 GB; in all 3.14 + 3.14 TB + 16 GB = 6.3 TB
    assertTrue(refused.getMessage().startsWith("Training was not started: it needs about 6.3 TB of memory (parameters 3.1 TB,"
        + " gradients 3.1 TB, optimizer state 0 B, layer outputs and their gradients 16 GB), but only 16 GB is available."),
        refused.getMessage());
    assertTrue(Messages.get(Locale.SIMPLIFIED_CHINESE, refused.key(), refused.args()).contains("内存"));
  }

  @Test
  void twoAndAHalfMillionUnitsNeedMoreThanSixteenGigabytesWithAdam() {
    // 784·2.5e6 + 2.5e6 = 1,962,500,000 parameters · 4 B = 7.85 GB; Adam: ×4 (values, gradients, 2 moments)
    MemoryEstimate e = MemoryEstimate.training(ShapeInference.require(mlp(2_500_000), 256), 2);
    assertEquals(7_850_000_000L, e.parameterBytes());
    assertTrue(e.nativeBytes() > 4 * 7_850_000_000L);
    assertFalse(e.fits(new MemoryEstimate.Available(24_000_000_000L, 4_000_000_000L)));
  }

  @Test
  void sumsSaturateInsteadOfWrappingAround() {
    assertEquals(Long.MAX_VALUE, MemoryEstimate.floats(200_000, 200_000, 200_000, 200_000));
    assertEquals(Long.MAX_VALUE, MemoryEstimate.total(Long.MAX_VALUE, Long.MAX_VALUE));
    assertFalse(MemoryEstimate.lab(Long.MAX_VALUE, 0).fits(new MemoryEstimate.Available(Long.MAX_VALUE / 2, 1)));
    assertEquals("160 GB", MemoryEstimate.bytes(MemoryEstimate.floats(1, 1, 200_000, 200_000)));
  }
}
