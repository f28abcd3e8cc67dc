package org.tensorworkbench.engine.lab.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorSourceTest {

  @Test
  void arangeNumbersCellsInRowMajorOrder() {
    TensorValues t = TensorSource.ARANGE.create(new int[] {2, 2, 3}, 0, "");
    assertEquals(7.0, t.get(1, 0, 1)); // 6 + 0 + 1
    assertEquals(11.0, t.get(1, 1, 2));
    assertEquals("torch.arange(12).reshape(2, 2, 3)", TensorSource.ARANGE.pytorch(new int[] {2, 2, 3}));
  }

  @Test
  void randomIntegersAreSeededAndInRange() {
    TensorValues a = TensorSource.RANDOM_INTEGERS.create(new int[] {4, 5}, 7, "");
    TensorValues b = TensorSource.RANDOM_INTEGERS.create(new int[] {4, 5}, 7, "");
    TensorValues c = TensorSource.RANDOM_INTEGERS.create(new int[] {4, 5}, 8, "");
    assertArrayEquals(a.values(), b.values());
    assertNotEquals(java.util.Arrays.toString(a.values()), java.util.Arrays.toString(c.values()));
    for (double v : a.values()) {
      assertTrue(v >= 0 && v < TensorSource.RANDOM_BOUND && v == Math.floor(v), "value " + v);
    }
  }

  @Test
  void typedValuesMustFillTheShape() {
    TensorValues t = TensorSource.TYPED.create(new int[] {2, 2}, 0, "[[1, 2], [3, 4.5]]");
    assertArrayEquals(new double[] {1, 2, 3, 4.5}, t.values());
    LabInputException e = assertThrows(LabInputException.class,
        () -> TensorSource.TYPED.create(new int[] {2, 2}, 0, "1 2 3"));
    assertEquals("A tensor of shape (2, 2) needs 4 values, but 3 were typed.", e.getMessage());
    assertThrows(LabInputException.class, () -> TensorSource.TYPED.create(new int[] {2}, 0, "1 x"));
  }

  @Test
  void shapesParseInEveryCommonNotation() {
    assertArrayEquals(new int[] {2, 3, 4}, Shapes.parse("2, 3, 4"));
    assertArrayEquals(new int[] {2, 3}, Shapes.parse("(2,3)"));
    assertArrayEquals(new int[] {4}, Shapes.parse("(4,)"));
    assertArrayEquals(new int[] {2, 3}, Shapes.parse("torch.Size([2, 3])"));
    assertEquals("tensors.error.emptyShape", assertThrows(LabInputException.class, () -> Shapes.parse(" ")).key());
    assertEquals("tensors.error.rankTooHigh",
        assertThrows(LabInputException.class, () -> Shapes.parse("1,2,3,4,5")).key());
    assertEquals("tensors.error.sizeNotPositive",
        assertThrows(LabInputException.class, () -> Shapes.parse("2, 0")).key());
    assertEquals("tensors.error.notAnInteger", assertThrows(LabInputException.class, () -> Shapes.parse("2, a")).key());
    assertEquals("tensors.error.tooLarge", assertThrows(LabInputException.class, () -> Shapes.parse("100, 100")).key());
    assertEquals("(2,3)", Shapes.numpyCompact(new int[] {2, 3}));
    assertEquals("(4,)", Shapes.numpy(new int[] {4}));
  }
}
