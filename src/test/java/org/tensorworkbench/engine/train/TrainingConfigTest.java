package org.tensorworkbench.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.i18n.Messages;

class TrainingConfigTest {

  @Test
  void rejectsImpossibleSettingsNamingThem() {
    TrainingConfig c = TrainingConfig.defaults();
    TrainingException e = assertThrows(TrainingException.class, () -> c.withLearningRate(-0.1));
    assertEquals("train.error.notPositive", e.key());
    assertEquals("The setting learningRate must be greater than 0 (got -0.1).",
        Messages.get(Locale.ENGLISH, e.key(), e.args()));
    assertThrows(TrainingException.class, () -> c.withLearningRate(Double.NaN));
    assertThrows(TrainingException.class, () -> c.withBatchSize(0));
    assertThrows(TrainingException.class, () -> c.withEpochs(0));
    assertThrows(TrainingException.class, () -> c.withMomentum(1));
    assertThrows(TrainingException.class, () -> c.withWeightDecay(-1, false));
    assertThrows(TrainingException.class, () -> c.withLimit(-5));
  }

  @Test
  void adamWIsAlwaysDecoupled() {
    TrainingConfig c = TrainingConfig.defaults().withWeightDecay(1e-4, false);
    assertFalse(c.usesDecoupledDecay());
    assertTrue(c.withOptimizer(Optimizer.ADAMW).usesDecoupledDecay());
    assertTrue(c.withWeightDecay(1e-4, true).usesDecoupledDecay());
  }

  @Test
  void optimizerNamesRoundTrip() {
    for (Optimizer o : Optimizer.values()) {
      assertEquals(o, Optimizer.fromId(o.id()));
    }
    assertEquals(Optimizer.ADAMW, Optimizer.fromId(" AdamW "));
    TrainingException e = assertThrows(TrainingException.class, () -> Optimizer.fromId("lion"));
    assertEquals("train.error.unknownOptimizer", e.key());
  }
}
