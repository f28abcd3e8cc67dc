package org.tensorworkbench.engine.direct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The first layer's Java weight gradient against the definition
 * ∂L/∂W[kh, kw, c, o] = Σ x[e, c, i + kh − pH, j + kw − pW] · ∂L/∂y[e, o, i, j] (zero outside the
 * image) summed in double, for paddings, rectangular kernels and several channels.
 */
class ShiftedRowsWeightGradientTest {
  @ParameterizedTest(name = "C={0} O={1} {2}x{3} kernel {4}x{5} padding {6},{7}")
  @CsvSource({
      "1, 6, 12, 12, 5, 5, 2, 2", // LeNet's first layer, smaller
      "2, 3, 7, 6, 3, 1, 1, 0",
      "3, 2, 5, 8, 2, 3, 0, 1",
      "1, 4, 9, 9, 3, 3, 0, 0"})
  void matchesTheDefinition(int c, int o, int h, int w, int kH, int kW, int pH, int pW) {
    int n = 3;
    int oH = h + 2 * pH - kH + 1;
    int oW = w + 2 * pW - kW + 1;
    Nd4j.getRandom().setSeed(4);
    INDArray x = Nd4j.rand(DataType.FLOAT, n, c, h, w).subi(0.5f);
    INDArray dy = Nd4j.rand(DataType.FLOAT, n, o, oH, oW).subi(0.5f);
    INDArray dw = Nd4j.create(DataType.FLOAT, kH, kW, c, o);
    INDArray db = Nd4j.create(DataType.FLOAT, o);
    ShiftedRowsWeightGradient kernel = ShiftedRowsWeightGradient.forShape(DataType.FLOAT, c, o, h, w, kH, kW, pH, pW);
    assertNotNull(kernel);
    kernel.compute(x, dy, dw, db);
    for (int oc = 0; oc < o; oc++) {
      double bias = 0;
      for (int e = 0; e < n; e++) {
        for (int i = 0; i < oH; i++) {
          for (int j = 0; j < oW; j++) {
            bias += dy.getDouble(e, oc, i, j);
          }
        }
      }
      assertEquals(bias, db.getDouble(oc), 1e-5, "db[" + oc + "]");
      for (int ch = 0; ch < c; ch++) {
        for (int kh = 0; kh < kH; kh++) {
          for (int kw = 0; kw < kW; kw++) {
            double sum = 0;
            for (int e = 0; e < n; e++) {
              for (int i = 0; i < oH; i++) {
                for (int j = 0; j < oW; j++) {
                  int ih = i + kh - pH;
                  int iw = j + kw - pW;
                  if (ih >= 0 && ih < h && iw >= 0 && iw < w) {
                    sum += x.getDouble(e, ch, ih, iw) * dy.getDouble(e, oc, i, j);
                  }
                }
              }
            }
            assertEquals(sum, dw.getDouble(kh, kw, ch, oc), 1e-5, "dW[" + kh + ", " + kw + ", " + ch + ", " + oc + "]");
          }
        }
      }
    }
    float[] first = dw.data().asFloat();
    kernel.compute(x, dy, dw, null);
    assertArrayEquals(first, dw.data().asFloat(), 0f, "the same input gives the same bits");
  }

  @Test
  void onlyForSmallFloatLayers() {
    assertNull(ShiftedRowsWeightGradient.forShape(DataType.DOUBLE, 1, 6, 28, 28, 5, 5, 2, 2));
    assertNull(ShiftedRowsWeightGradient.forShape(DataType.FLOAT, 3, 64, 224, 224, 3, 3, 1, 1));
    assertNotNull(ShiftedRowsWeightGradient.forShape(DataType.FLOAT, 1, 6, 28, 28, 5, 5, 2, 2));
  }
}
