package org.tensorworkbench.engine.lab.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BroadcastLabTest {

  @Test
  void addsAColumnAndARowLikeD2l() {
    TensorValues a = TensorValues.of(new int[] {3, 1}, 0, 1, 2);
    TensorValues b = TensorValues.of(new int[] {1, 2}, 0, 1);
    BroadcastResult r = BroadcastLab.compute(a, b, ElementwiseOp.ADD);
    assertArrayEquals(new int[] {3, 2}, r.result().shape());
    assertArrayEquals(new double[] {0, 1, 1, 2, 2, 3}, r.result().values());
    assertArrayEquals(new double[] {0, 0, 1, 1, 2, 2}, r.stretchedA().values(), "column copied to the right");
    assertArrayEquals(new double[] {0, 1, 0, 1, 0, 1}, r.stretchedB().values(), "row copied downwards");
    assertEquals("Z = X + Y", r.code().pytorch());
    assertEquals("INDArray z = x.broadcast(3, 2).add(y.broadcast(3, 2));", r.code().nd4j());
  }

  @Test
  void padsTheShorterShapeWithLeadingOnes() {
    TensorValues a = TensorValues.of(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
    TensorValues b = TensorValues.of(new int[] {3}, 10, 20, 30);
    BroadcastResult r = BroadcastLab.compute(a, b, ElementwiseOp.MULTIPLY);
    assertArrayEquals(new double[] {10, 40, 90, 40, 100, 180}, r.result().values());
    assertEquals("INDArray z = x.mul(y.reshape(1, 3).broadcast(2, 3));", r.code().nd4j());
  }

  @Test
  void comparisonsGiveTruthValuesLikeD2l() {
    TensorValues x = TensorSource.ARANGE.create(new int[] {3, 4}, 0, "");
    TensorValues y = TensorValues.of(new int[] {3, 4}, 2, 1, 4, 3, 1, 2, 3, 4, 4, 3, 2, 1);
    BroadcastResult eq = BroadcastLab.compute(x, y, ElementwiseOp.EQUAL);
    assertTrue(eq.result().bool());
    assertArrayEquals(new double[] {0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}, eq.result().values());
    BroadcastResult lt = BroadcastLab.compute(x, y, ElementwiseOp.LESS);
    assertArrayEquals(new double[] {1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, lt.result().values());
    BroadcastResult gt = BroadcastLab.compute(x, y, ElementwiseOp.GREATER);
    assertArrayEquals(new double[] {0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1}, gt.result().values());
  }

  @Test
  void subtractsAndDividesElementwiseWithInfinityForZeroDivisors() {
    TensorValues a = TensorValues.of(new int[] {2, 2}, 1, 2, 3, 4);
    TensorValues b = TensorValues.of(new int[] {2}, 0, 2);
    assertArrayEquals(new double[] {1, 0, 3, 2}, BroadcastLab.compute(a, b, ElementwiseOp.SUBTRACT).result().values());
    double[] q = BroadcastLab.compute(a, b, ElementwiseOp.DIVIDE).result().values();
    assertEquals(Double.POSITIVE_INFINITY, q[0]);
    assertEquals(1.0, q[1]);
    assertEquals(2.0, q[3]);
  }

  @Test
  void broadcastsFourDimensionalOperands() {
    TensorValues a = TensorSource.ARANGE.create(new int[] {2, 1, 3, 1}, 0, "");
    TensorValues b = TensorSource.ARANGE.create(new int[] {4, 1, 2}, 0, "");
    BroadcastResult r = BroadcastLab.compute(a, b, ElementwiseOp.ADD);
    assertArrayEquals(new int[] {2, 4, 3, 2}, r.result().shape());
    // z[n, i, j, k] = a[n, 0, j, 0] + b[i, 0, k] = (3n + j) + (2i + k)
    for (int n = 0; n < 2; n++) {
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 3; j++) {
          for (int k = 0; k < 2; k++) {
            assertEquals(3 * n + j + 2 * i + k, r.result().get(n, i, j, k), 0.0);
          }
        }
      }
    }
  }

  @Test
  void incompatibleShapesGiveNoValuesButBothErrorTexts() {
    BroadcastResult r = BroadcastLab.compute(TensorSource.ONES.create(new int[] {2, 3}, 0, ""),
        TensorSource.ONES.create(new int[] {4}, 0, ""), ElementwiseOp.ADD);
    assertFalse(r.compatible());
    assertNull(r.result());
    assertNull(r.stretchedA());
    assertTrue(r.code().pytorch().contains("at non-singleton dimension 1"), r.code().pytorch());
  }
}
