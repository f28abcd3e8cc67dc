package org.tensorworkbench.engine.lab.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MatMulLabTest {

  @Test
  void batchedProductOfEqualBatches() {
    TensorValues a = TensorSource.ARANGE.create(new int[] {2, 2, 4}, 0, "");
    TensorValues b = TensorSource.ONES.create(new int[] {2, 4, 3}, 0, "");
    MatMulResult r = MatMulLab.multiply(a, b);
    assertArrayEquals(new int[] {2, 2, 3}, r.result().shape());
    // multiplying by ones sums each row: 0+1+2+3, 4+..+7, 8+..+11, 12+..+15
    assertArrayEquals(new double[] {6, 6, 6, 22, 22, 22, 38, 38, 38, 54, 54, 54}, r.result().values());
  }

  @Test
  void broadcastsBatchDimensions() {
    TensorValues a = TensorSource.RANDOM_INTEGERS.create(new int[] {2, 1, 4, 5}, 1, "");
    TensorValues b = TensorSource.RANDOM_INTEGERS.create(new int[] {1, 1, 5, 4}, 2, "");
    MatMulResult r = MatMulLab.multiply(a, b);
    assertArrayEquals(new int[] {2, 1, 4, 4}, r.result().shape());
    assertArrayEquals(new int[] {2, 1}, r.batch().resultShape());
    for (int n = 0; n < 2; n++) {
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
          double sum = 0;
          for (int k = 0; k < 5; k++) {
            sum += a.get(n, 0, i, k) * b.get(0, 0, k, j);
          }
          assertEquals(sum, r.result().get(n, 0, i, j), 1e-9);
        }
      }
    }
    assertEquals("INDArray z = Nd4j.matmul(a, b.broadcast(2, 1, 5, 4));", r.code().nd4j());
  }

  @Test
  void vectorsFollowTorchMatmul() {
    TensorValues v = TensorSource.ARANGE.create(new int[] {3}, 0, "");
    MatMulResult dot = MatMulLab.multiply(v, v);
    assertArrayEquals(new int[0], dot.result().shape());
    assertEquals(5.0, dot.result().at(0), 0.0); // 0*0 + 1*1 + 2*2
    TensorValues m = TensorSource.ARANGE.create(new int[] {2, 3}, 0, "");
    MatMulResult mv = MatMulLab.multiply(m, v);
    assertArrayEquals(new int[] {2}, mv.result().shape());
    assertArrayEquals(new double[] {5, 14}, mv.result().values());
  }

  @Test
  void mismatchedInnerSizesAreRejectedWithNumpysMessage() {
    MatMulResult r = MatMulLab.multiply(TensorSource.ONES.create(new int[] {4, 5}, 0, ""),
        TensorSource.ONES.create(new int[] {4, 4}, 0, ""));
    assertFalse(r.ok());
    assertNull(r.result());
    assertEquals("tensors.error.matmulInner", r.error().key());
    assertEquals("ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
        + "signature (n?,k),(k,m?)->(n?,m?) (size 4 is different from 5)", r.numpyError());
  }

  @Test
  void incompatibleBatchesAreRejectedByTheBroadcastRule() {
    MatMulResult r = MatMulLab.multiply(TensorSource.ONES.create(new int[] {2, 4, 5}, 0, ""),
        TensorSource.ONES.create(new int[] {3, 5, 4}, 0, ""));
    assertFalse(r.ok());
    assertEquals("tensors.error.broadcast", r.error().key());
    assertEquals(0, r.batch().failingAxis());
  }
}
