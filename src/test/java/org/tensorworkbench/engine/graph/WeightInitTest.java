package org.tensorworkbench.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tensorworkbench.engine.spec.Initializer;

/** Xavier's bound and He's σ, and the gain that multiplies them (LeNet's sigmoid layers use gain 2). */
class WeightInitTest {
  private final WeightInit init = new WeightInit(7, DataType.DOUBLE);

  @Test
  void xavierStaysWithinItsBoundAndTheGainMultipliesEveryDraw() {
    // LeNet's first dense layer: 400 -> 120, a = √(6 / 520) = 0.10742
    double a = Math.sqrt(6.0 / 520);
    INDArray one = init.draw("dense1/W", Initializer.XAVIER, 400, 120, 400, 120);
    INDArray two = init.draw("dense1/W", Initializer.xavier(2), 400, 120, 400, 120);
    assertTrue(one.amaxNumber().doubleValue() <= a, "inside ±a");
    assertTrue(one.amaxNumber().doubleValue() > 0.99 * a, "48,000 draws reach the bound");
    // uniform on ±a has variance a² / 3
    assertEquals(a * a / 3, one.varNumber().doubleValue(), 0.03 * a * a / 3);
    assertEquals(0, two.sub(one.mul(2)).amaxNumber().doubleValue(), 1e-15, "the same draws, twice as far out");
  }

  @Test
  void heWithAGainScalesItsStandardDeviation() {
    INDArray one = init.draw("conv1/W", Initializer.HE, 25, 150, 5, 5, 1, 6);
    INDArray half = init.draw("conv1/W", new Initializer(Initializer.Kind.HE, 0, 0.5), 25, 150, 5, 5, 1, 6);
    assertEquals(0, half.sub(one.mul(0.5)).amaxNumber().doubleValue(), 1e-15);
  }
}
