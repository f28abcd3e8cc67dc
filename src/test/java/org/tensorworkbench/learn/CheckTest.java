package org.tensorworkbench.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.i18n.Messages;

/** The check evaluator: equals with tolerance and on lists, atLeast, atMost, all, missing facts. */
class CheckTest {
  private static Condition eq(String fact, Object v) {
    return new Condition(fact, Condition.Kind.EQUALS, v);
  }

  @Test
  void equalsComparesNumbersWithARelativeToleranceOf1e9() {
    Condition c = eq("test.accuracy", 0.8);
    assertTrue(c.holds(0.8 * (1 + 0.5e-9)));
    assertFalse(c.holds(0.8 * (1 + 5e-9)));
    assertTrue(eq("output.height", 3L).holds(3));
    assertTrue(eq("parameters", 61706L).holds(61706.0));
    assertFalse(eq("output.height", 3L).holds(4));
    assertTrue(eq("zero", 0L).holds(0.0));
  }

  @Test
  void equalsComparesListsElementByElementAndTextExactly() {
    Condition shape = eq("result.shape", List.of(2L, 3L, 4L));
    assertTrue(shape.holds(List.of(2L, 3L, 4L)));
    assertTrue(shape.holds(List.of(2, 3, 4)));
    assertFalse(shape.holds(List.of(2L, 3L)));
    assertFalse(shape.holds(List.of(2L, 4L, 3L)));
    assertTrue(eq("tab", "compare").holds("compare"));
    assertFalse(eq("tab", "compare").holds("Compare"));
    assertTrue(eq("broadcasts", true).holds(true));
    assertFalse(eq("broadcasts", true).holds("true"));
  }

  @Test
  void atLeastAndAtMostAreInclusiveBounds() {
    Condition least = new Condition("test.accuracy", Condition.Kind.AT_LEAST, 0.8);
    assertTrue(least.holds(0.8));
    assertTrue(least.holds(0.81));
    assertFalse(least.holds(0.79));
    assertFalse(least.holds("0.9"));
    Condition most = new Condition("train.loss", Condition.Kind.AT_MOST, 0.5);
    assertTrue(most.holds(0.5));
    assertFalse(most.holds(0.51));
  }

  @Test
  void allConditionsMustHoldAndEachFailureIsNamed() {
    Locale before = Messages.locale();
    Messages.setLocale(Locale.ENGLISH);
    try {
      Check check = new Check("kernels", List.of(eq("output.height", 3L), eq("output.width", 4L),
          new Condition("test.accuracy", Condition.Kind.AT_LEAST, 0.8)));
      CheckResult passed = check.evaluate(Map.of("output.height", 3, "output.width", 4, "test.accuracy", 0.83));
      assertTrue(passed.passed());
      CheckResult failed = check.evaluate(Map.of("output.height", 3, "output.width", 7));
      assertFalse(failed.passed());
      assertEquals(2, failed.failures().size());
      assertEquals("output.width is 7; it should be 4\ntest.accuracy: the workspace does not report this yet",
          failed.describe());
      assertEquals("test.accuracy is 0.75; it should be at least 0.8",
          check.evaluate(Map.of("output.height", 3, "output.width", 4, "test.accuracy", 0.75)).describe());
    } finally {
      Messages.setLocale(before);
    }
  }
}
