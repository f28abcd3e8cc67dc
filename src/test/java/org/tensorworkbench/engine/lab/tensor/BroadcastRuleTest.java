package org.tensorworkbench.engine.lab.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorworkbench.engine.lab.tensor.BroadcastExplanation.Operand;
import org.tensorworkbench.engine.lab.tensor.DimensionStep.Verdict;
import org.tensorworkbench.i18n.Messages;

/**
 * The broadcasting rule against a table of cases whose outcomes were written down from NumPy's
 * and PyTorch's documented behaviour (NumPy user guide "Broadcasting"; d2l 2.1.4).
 */
class BroadcastRuleTest {

  static Stream<Arguments> compatibleCases() {
    return Stream.of(
        Arguments.of(new int[] {3, 1}, new int[] {1, 2}, new int[] {3, 2}), // d2l 2.1.4
        Arguments.of(new int[] {2, 3}, new int[] {3}, new int[] {2, 3}),
        Arguments.of(new int[] {8, 1, 6, 1}, new int[] {7, 1, 5}, new int[] {8, 7, 6, 5}), // NumPy guide
        Arguments.of(new int[] {5, 4}, new int[] {1}, new int[] {5, 4}),
        Arguments.of(new int[] {5, 4}, new int[] {4}, new int[] {5, 4}),
        Arguments.of(new int[] {15, 3, 5}, new int[] {15, 1, 5}, new int[] {15, 3, 5}),
        Arguments.of(new int[] {15, 3, 5}, new int[] {3, 1}, new int[] {15, 3, 5}),
        Arguments.of(new int[] {2, 3, 4}, new int[] {3, 1}, new int[] {2, 3, 4}),
        Arguments.of(new int[] {1}, new int[] {1}, new int[] {1}),
        Arguments.of(new int[] {4, 1}, new int[] {4}, new int[] {4, 4}));
  }

  @ParameterizedTest
  @MethodSource("compatibleCases")
  void compatibleShapesGiveNumpysResultShape(int[] a, int[] b, int[] expected) {
    BroadcastExplanation e = BroadcastRule.explain(a, b);
    assertTrue(e.compatible());
    assertArrayEquals(expected, e.resultShape());
    assertEquals(-1, e.failingAxis());
    assertArrayEquals(expected, BroadcastRule.explain(b, a).resultShape(), "broadcasting is symmetric");
  }

  /** Each row: shapes, the PyTorch dimension reported, the two sizes there, NumPy's message. */
  static Stream<Arguments> incompatibleCases() {
    return Stream.of(
        Arguments.of(new int[] {2, 3}, new int[] {4}, 1, 3, 4,
            "ValueError: operands could not be broadcast together with shapes (2,3) (4,) "),
        Arguments.of(new int[] {2, 1}, new int[] {8, 4, 3}, 1, 2, 4, // NumPy guide: second from last mismatch
            "ValueError: operands could not be broadcast together with shapes (2,1) (8,4,3) "),
        Arguments.of(new int[] {3}, new int[] {4}, 0, 3, 4,
            "ValueError: operands could not be broadcast together with shapes (3,) (4,) "),
        Arguments.of(new int[] {4, 3}, new int[] {4}, 1, 3, 4,
            "ValueError: operands could not be broadcast together with shapes (4,3) (4,) "),
        Arguments.of(new int[] {2, 3, 4}, new int[] {3, 2, 4}, 1, 3, 2,
            "ValueError: operands could not be broadcast together with shapes (2,3,4) (3,2,4) "));
  }

  @ParameterizedTest
  @MethodSource("incompatibleCases")
  void incompatibleShapesFailLikeNumpyAndPytorch(int[] a, int[] b, int axis, int sizeA, int sizeB, String numpy) {
    BroadcastExplanation e = BroadcastRule.explain(a, b);
    assertFalse(e.compatible());
    assertNull(e.resultShape());
    assertEquals(axis, e.failingAxis());
    assertEquals(numpy, e.numpyError());
    assertEquals("RuntimeError: The size of tensor a (" + sizeA + ") must match the size of tensor b (" + sizeB
        + ") at non-singleton dimension " + axis, e.pytorchError());
    LabInputException ex = assertThrows(LabInputException.class, () -> BroadcastRule.resultShape(a, b));
    assertEquals("tensors.error.broadcast", ex.key());
  }

  @Test
  void theFailureNamesTheDimensionAndSizesInBothLanguages() {
    LabInputException ex = BroadcastRule.explain(new int[] {2, 3}, new int[] {4}).failure();
    assertEquals("Shapes (2, 3) and (4,) cannot be broadcast: in dimension 1 (0 from the right) the sizes are 3 "
        + "and 4. They differ and neither is 1, so neither can be stretched to match the other.", ex.getMessage());
    String zh = Messages.get(Locale.SIMPLIFIED_CHINESE, ex.key(), ex.args());
    assertTrue(zh.contains("(2, 3)") && zh.contains("无法广播"), zh);
  }

  @Test
  void stepsGoFromTheRightAndSayWhatIsStretched() {
    BroadcastExplanation e = BroadcastRule.explain(new int[] {8, 1, 6, 1}, new int[] {7, 1, 5});
    List<DimensionStep> steps = e.steps();
    assertEquals(4, steps.size());
    assertEquals(List.of(3, 2, 1, 0), steps.stream().map(DimensionStep::axis).toList());
    assertEquals(List.of(Verdict.STRETCH_A, Verdict.STRETCH_B, Verdict.STRETCH_A, Verdict.STRETCH_B),
        steps.stream().map(DimensionStep::verdict).toList());
    assertArrayEquals(new int[] {1, 7, 1, 5}, e.paddedB());
    DimensionStep outer = steps.get(3);
    assertTrue(outer.missingB(), "the second shape had no 4th dimension from the right");
    assertFalse(outer.missingA());
    assertEquals(8, outer.resultSize());
  }

  @Test
  void onlyIndexZeroAlongAStretchedDimensionIsOriginal() {
    BroadcastExplanation e = BroadcastRule.explain(new int[] {3, 1}, new int[] {1, 2});
    assertTrue(e.isOriginal(Operand.A, new int[] {2, 0}));
    assertFalse(e.isOriginal(Operand.A, new int[] {2, 1}));
    assertTrue(e.isOriginal(Operand.B, new int[] {0, 1}));
    assertFalse(e.isOriginal(Operand.B, new int[] {1, 1}));
  }
}
