package org.tensorworkbench.engine.lab.norm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.lab.tensor.LabInputException;
import org.tensorworkbench.engine.lab.tensor.Nd4jTensors;
import org.tensorworkbench.engine.lab.tensor.TensorValues;

class BatchNormLabTest {
  private static final double EPS = 1e-5;

  @Test
  void normalizesOneToFourByHand() {
    // mean 2.5, biased variance ((1.5² + 0.5²) * 2) / 4 = 1.25, unbiased 5 / 3
    TensorValues x = TensorValues.of(new int[] {4, 1}, 1, 2, 3, 4);
    BatchNormSteps s = BatchNormLab.forward(x, new double[] {2}, new double[] {1}, EPS);
    assertArrayEquals(new double[] {2.5}, s.mean(), 1e-12);
    assertArrayEquals(new double[] {1.25}, s.variance(), 1e-12);
    assertArrayEquals(new double[] {5.0 / 3}, s.unbiasedVariance(), 1e-12);
    double sd = Math.sqrt(1.25 + EPS);
    assertArrayEquals(new double[] {-1.5 / sd, -0.5 / sd, 0.5 / sd, 1.5 / sd}, s.normalizedRows().values(), 1e-12);
    assertArrayEquals(new double[] {2 * -1.5 / sd + 1, 2 * -0.5 / sd + 1, 2 * 0.5 / sd + 1, 2 * 1.5 / sd + 1},
        s.output().values(), 1e-12);
  }

  @Test
  void imagesAreReshapedToOneColumnPerChannelAndBack() {
    TensorValues x = ActivationInputs.normal(new int[] {2, 3, 2, 2}, new double[] {5, -3, 0},
        new double[] {2, 0.5, 1}, 42);
    BatchNormSteps s = BatchNormLab.forward(x, new double[] {1, 1, 1}, new double[] {0, 0, 0}, EPS);
    assertArrayEquals(new int[] {8, 3}, s.rows().shape());
    // row r = (n, h, w), column c holds x[n, c, h, w]
    assertEquals(x.get(1, 2, 0, 1), s.rows().get(5, 2), 0.0);
    assertArrayEquals(new int[] {2, 3, 2, 2}, s.output().shape());
    for (int c = 0; c < 3; c++) {
      double sum = 0;
      double sq = 0;
      for (int n = 0; n < 2; n++) {
        for (int h = 0; h < 2; h++) {
          for (int w = 0; w < 2; w++) {
            double v = s.output().get(n, c, h, w);
            sum += v;
            sq += v * v;
          }
        }
      }
      assertEquals(0.0, sum / 8, 1e-9, "channel " + c + " has mean 0");
      double var = s.variance()[c];
      assertEquals(var / (var + EPS), sq / 8, 1e-9, "channel " + c + " has variance 1 (less eps)");
    }
  }

  @Test
  void matchesSameDiffBatchNormWithMoments() {
    TensorValues x = ActivationInputs.normal(new int[] {4, 2, 3, 3}, new double[] {1, -2}, new double[] {3, 0.5}, 7);
    double[] gamma = {1.5, 0.5};
    double[] beta = {0.25, -1};
    BatchNormSteps s = BatchNormLab.forward(x, gamma, beta, EPS);

    SameDiff sd = SameDiff.create();
    SDVariable in = sd.placeHolder("x", DataType.DOUBLE, -1, 2, 3, 3);
    SDVariable[] moments = sd.math.moments(in, new int[] {0, 2, 3}, false);
    SDVariable g = sd.constant("gamma", Nd4j.createFromArray(gamma));
    SDVariable b = sd.constant("beta", Nd4j.createFromArray(beta));
    sd.nn.batchNorm("y", in, moments[0], moments[1], g, b, EPS, 1);
    Map<String, INDArray> out = sd.output(Map.of("x", Nd4jTensors.toNd4j(x)), "y");
    TensorValues expected = Nd4jTensors.toValues(out.get("y"));
    assertArrayEquals(expected.values(), s.output().values(), 1e-9);
  }

  @Test
  void rejectsWrongShapesAndParameterCounts() {
    TensorValues x3 = TensorValues.of(new int[] {2, 1, 1}, 1, 2);
    assertEquals("norm.error.shapeRank", assertThrows(LabInputException.class,
        () -> BatchNormLab.forward(x3, new double[] {1}, new double[] {0}, EPS)).key());
    TensorValues x = TensorValues.of(new int[] {2, 2}, 1, 2, 3, 4);
    assertEquals("norm.error.perChannelCount", assertThrows(LabInputException.class,
        () -> BatchNormLab.forward(x, new double[] {1}, new double[] {0}, EPS)).key());
  }
}
