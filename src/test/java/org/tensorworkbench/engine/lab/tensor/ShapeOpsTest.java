package org.tensorworkbench.engine.lab.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.lab.tensor.ShapeOps.Reduction;

class ShapeOpsTest {
  private final TensorValues x = TensorSource.ARANGE.create(new int[] {2, 2, 3}, 0, ""); // d2l's arange(12).reshape(2, 2, 3)

  @Test
  void reshapeKeepsRowMajorOrderAndInfersMinusOne() {
    ShapeOpResult r = ShapeOps.reshape(x, new int[] {3, -1});
    assertArrayEquals(new int[] {3, 4}, r.output().shape());
    assertArrayEquals(x.values(), r.output().values());
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, r.outputOfInput());
    assertEquals("Y = X.reshape(3, -1)", r.code().pytorch());
    assertEquals("INDArray y = x.reshape(3, 4);", r.code().nd4j());
  }

  @Test
  void rejectsAShapeOfTheWrongSizeLikePytorch() {
    LabInputException e = assertThrows(LabInputException.class, () -> ShapeOps.reshape(x, new int[] {3, 5}));
    assertEquals("tensors.error.reshapeSize", e.key());
    assertEquals("The shape [3, 5] is invalid for a tensor of 12 values: the sizes must multiply to 12.",
        e.getMessage());
    assertThrows(LabInputException.class, () -> ShapeOps.reshape(x, new int[] {-1, -1}));
    assertThrows(LabInputException.class, () -> ShapeOps.reshape(x, new int[] {5, -1}));
  }

  @Test
  void transposeOfAMatrixSwapsRowsAndColumns() {
    TensorValues m = TensorSource.ARANGE.create(new int[] {2, 3}, 0, "");
    ShapeOpResult t = ShapeOps.transpose(m, 0, 1);
    assertArrayEquals(new int[] {3, 2}, t.output().shape());
    assertArrayEquals(new double[] {0, 3, 1, 4, 2, 5}, t.output().values());
    assertEquals("Y = X.T", t.code().pytorch());
    // input cell 1 (row 0, col 1) moved to output cell 2 (row 1, col 0)
    assertEquals(2, t.outputOfInput()[1]);
  }

  @Test
  void permuteMovesEveryCellToItsNewIndex() {
    ShapeOpResult p = ShapeOps.permute(x, new int[] {2, 0, 1});
    assertArrayEquals(new int[] {3, 2, 2}, p.output().shape());
    assertArrayEquals(new double[] {0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11}, p.output().values());
    for (int i = 0; i < x.size(); i++) {
      int[] in = TensorValues.unravel(x.shape(), i);
      int[] out = TensorValues.unravel(p.output().shape(), p.outputOfInput()[i]);
      assertArrayEquals(new int[] {in[2], in[0], in[1]}, out);
    }
    assertThrows(LabInputException.class, () -> ShapeOps.permute(x, new int[] {0, 1}));
    assertThrows(LabInputException.class, () -> ShapeOps.permute(x, new int[] {0, 0, 1}));
  }

  @Test
  void sumWithKeepdimsKeepsASizeOneDimension() {
    ShapeOpResult s = ShapeOps.reduce(x, Reduction.SUM, 1, true);
    assertArrayEquals(new int[] {2, 1, 3}, s.output().shape());
    assertArrayEquals(new double[] {3, 5, 7, 15, 17, 19}, s.output().values());
    assertArrayEquals(new int[] {0, 3}, s.inputsOf(0), "cells 0 and 3 are added into output 0");
    assertEquals("Y = X.sum(axis=1, keepdims=True)", s.code().pytorch());
  }

  @Test
  void meanWithoutKeepdimsDropsTheDimension() {
    ShapeOpResult m = ShapeOps.reduce(x, Reduction.MEAN, 0, false);
    assertArrayEquals(new int[] {2, 3}, m.output().shape());
    assertArrayEquals(new double[] {3, 4, 5, 6, 7, 8}, m.output().values(), 1e-12);
    ShapeOpResult last = ShapeOps.reduce(x, Reduction.SUM, -1, false);
    assertArrayEquals(new double[] {3, 12, 21, 30}, last.output().values());
    LabInputException e = assertThrows(LabInputException.class, () -> ShapeOps.reduce(x, Reduction.SUM, 3, false));
    assertEquals("Dimension 3 is out of range: it must be between -3 and 2.", e.getMessage());
  }
}
