package org.tensorworkbench.engine.lab.norm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.lab.tensor.LabInputException;
import org.tensorworkbench.engine.lab.tensor.TensorValues;

class LeNetActivationsTest {
  private static final Path HOME = Path.of("").toAbsolutePath();

  @Test
  void firstConvolutionOfAFashionMnistBatchHasSixChannels() {
    TensorValues a = LeNetActivations.firstConvolution(HOME, 4, 4, 7);
    assertArrayEquals(new int[] {4, 6, 4, 4}, a.shape());
    double spread = 0;
    for (double v : a.values()) {
      assertTrue(Double.isFinite(v));
      spread += Math.abs(v - a.at(0));
    }
    assertTrue(spread > 0, "real activations differ from cell to cell");
    BatchNormSteps bn = BatchNormLab.forward(a, new double[] {1, 1, 1, 1, 1, 1}, new double[6], 1e-5);
    for (double m : bn.outputMean()) {
      assertEquals(0, m, 1e-6);
    }
  }

  @Test
  void rejectsABatchOutOfRange() {
    assertEquals("norm.error.lenetBatch",
        assertThrows(LabInputException.class, () -> LeNetActivations.firstConvolution(HOME, 0, 4, 1)).key());
    assertEquals("norm.error.lenetWindow",
        assertThrows(LabInputException.class, () -> LeNetActivations.firstConvolution(HOME, 2, 29, 1)).key());
  }
}
