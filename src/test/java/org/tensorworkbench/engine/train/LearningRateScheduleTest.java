package org.tensorworkbench.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

  @Test
  void constantKeepsTheBaseRate() {
    LearningRateSchedule s = new LearningRateSchedule.Constant();
    assertEquals(0.1, s.learningRate(0.1, 0, 100, 0), 0);
    assertEquals(0.1, s.learningRate(0.1, 99, 100, 9), 0);
  }

  @Test
  void stepHalvesEveryTwoEpochs() {
    LearningRateSchedule s = new LearningRateSchedule.Step(2, 0.5);
    assertEquals(0.4, s.learningRate(0.4, 0, 100, 0), 1e-15);
    assertEquals(0.4, s.learningRate(0.4, 10, 100, 1), 1e-15);
    assertEquals(0.2, s.learningRate(0.4, 20, 100, 2), 1e-15);
    assertEquals(0.1, s.learningRate(0.4, 50, 100, 5), 1e-15);
  }

  @Test
  void cosineFallsFromBaseToFinalFraction() {
    LearningRateSchedule s = new LearningRateSchedule.Cosine(0.1);
    // T = 101 iterations: t = 0, 50 (half way), 100 (last)
    assertEquals(1.0, s.learningRate(1.0, 0, 101, 0), 1e-12);
    assertEquals(0.55, s.learningRate(1.0, 50, 101, 0), 1e-12); // 0.1 + 0.9 * (1 + cos(pi/2)) / 2
    assertEquals(0.1, s.learningRate(1.0, 100, 101, 0), 1e-12);
    // a quarter: 0.1 + 0.9 * (1 + cos(pi/4)) / 2
    assertEquals(0.1 + 0.9 * (1 + Math.sqrt(0.5)) / 2, s.learningRate(1.0, 25, 101, 0), 1e-12);
  }

  @Test
  void parsesTheTextForms() {
    assertEquals(new LearningRateSchedule.Constant(), LearningRateSchedule.parse("constant"));
    assertEquals(new LearningRateSchedule.Step(3, 0.1), LearningRateSchedule.parse("step:3:0.1"));
    assertEquals(new LearningRateSchedule.Cosine(0), LearningRateSchedule.parse("Cosine"));
    assertEquals(new LearningRateSchedule.Cosine(0.05), LearningRateSchedule.parse("cosine:0.05"));
    assertEquals(new LearningRateSchedule.Step(3, 0.1), LearningRateSchedule.parse(new LearningRateSchedule.Step(3, 0.1).id()));
  }

  @Test
  void rejectsNonsense() {
    TrainingException e = assertThrows(TrainingException.class, () -> LearningRateSchedule.parse("step:x:0.5"));
    assertEquals("train.error.badSchedule", e.key());
    assertThrows(TrainingException.class, () -> LearningRateSchedule.parse("linear"));
    assertThrows(TrainingException.class, () -> new LearningRateSchedule.Step(0, 0.5));
    assertThrows(TrainingException.class, () -> new LearningRateSchedule.Cosine(1.5));
  }
}
