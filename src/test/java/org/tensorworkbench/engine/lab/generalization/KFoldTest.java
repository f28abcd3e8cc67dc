package org.tensorworkbench.engine.lab.generalization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.lab.tensor.LabInputException;
import org.tensorworkbench.i18n.Messages;

class KFoldTest {
  @Test
  void foldsAreDisjointAndValidateEveryExampleOnce() {
    int[][] folds = KFold.split(23, 5, 9);
    int[] seen = new int[23];
    for (int[] fold : folds) {
      assertTrue(fold.length == 4 || fold.length == 5, "sizes differ by at most one");
      for (int i : fold) {
        seen[i]++;
      }
    }
    int[] once = new int[23];
    Arrays.fill(once, 1);
    assertArrayEquals(once, seen);
    int[] train = KFold.trainingRows(folds, 2);
    assertEquals(23 - folds[2].length, train.length);
    for (int i : train) {
      assertFalse(Arrays.stream(folds[2]).anyMatch(v -> v == i), "training rows never hold the validation fold");
    }
  }

  @Test
  void theSeedFixesTheSplit() {
    assertArrayEquals(KFold.split(50, 4, 3)[1], KFold.split(50, 4, 3)[1]);
    assertFalse(Arrays.equals(KFold.split(50, 4, 3)[1], KFold.split(50, 4, 4)[1]));
  }

  @Test
  void badInputGetsAClearMessage() {
    LabInputException tooMany = assertThrows(LabInputException.class, () -> KFold.split(3, 5, 1));
    assertEquals("generalization.error.foldsMoreThanData", tooMany.key());
    assertTrue(tooMany.getMessage().contains("5") && tooMany.getMessage().contains("3"), tooMany.getMessage());
    assertEquals("generalization.error.folds", assertThrows(LabInputException.class, () -> KFold.split(100, 11, 1)).key());
    LabInputException degree = assertThrows(LabInputException.class, () -> PolynomialExperiment.checkDegree(21));
    assertTrue(degree.getMessage().contains("21"), degree.getMessage());
    LabInputException empty = assertThrows(LabInputException.class,
        () -> Sweep.check(Sweep.Kind.DEGREE, List.of()));
    assertEquals("generalization.error.emptySweep", empty.key());
    assertEquals("generalization.error.emptySweep",
        assertThrows(LabInputException.class, () -> Sweep.parseValues("  ")).key());
    assertEquals("generalization.error.values",
        assertThrows(LabInputException.class, () -> Sweep.parseValues("1,x")).key());
    assertEquals(List.of(1.0, 3.0, 5.0), Sweep.parseValues("1:5:2"));
    for (java.util.Locale locale : Messages.SUPPORTED) {
      Messages.setLocale(locale);
      try {
        assertFalse(empty.getMessage().startsWith("generalization."), "a sentence, not a key: " + empty.getMessage());
      } finally {
        Messages.setLocale(java.util.Locale.ENGLISH);
      }
    }
  }
}
