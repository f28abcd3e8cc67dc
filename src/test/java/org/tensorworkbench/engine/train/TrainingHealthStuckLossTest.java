package org.tensorworkbench.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.i18n.Messages;

class TrainingHealthStuckLossTest {
  private static TrainingEvent.Epoch epoch(int index, double trainLoss) {
    return new TrainingEvent.Epoch(index, trainLoss, 0.1, null, 1, 100);
  }

  @Test
  void aLossStillAtLnKAfterAnEpochSaysSo() {
    // LeNet at η = 0.1: 2.3026 ≈ ln 10 after the first epoch (the run of issue 12)
    TrainingHealth.Hint hint = TrainingHealth.lossStuck(List.of(epoch(0, 2.3031)), 10).orElseThrow();
    assertEquals(TrainingHealth.LOSS_STUCK, hint.key());
    assertEquals(List.of(1, 2.3031, 10, Math.log(10)), hint.arguments());
    String en = Messages.get(Locale.ENGLISH, hint.key(), hint.arguments().toArray());
    assertTrue(en.startsWith("After 1 epoch the training loss is still 2.303, the ln 10 = 2.303"), en);
    assertTrue(en.contains("sigmoid"), en);
    String zh = Messages.get(Locale.SIMPLIFIED_CHINESE, hint.key(), hint.arguments().toArray());
    assertTrue(zh.contains("ln 10 = 2.303") && zh.contains("学习率太小"), zh);
  }

  @Test
  void theToleranceIsThreePercentOfLnK() {
    double ln2 = Math.log(2);
    assertTrue(TrainingHealth.lossStuck(List.of(epoch(0, ln2 * 1.029)), 2).isPresent());
    assertTrue(TrainingHealth.lossStuck(List.of(epoch(0, ln2 * 1.031)), 2).isEmpty());
    assertTrue(TrainingHealth.lossStuck(List.of(epoch(0, ln2 * 0.969)), 2).isEmpty());
  }

  @Test
  void aLossThatMovedAwayRegressionAndNoEpochGiveNoHint() {
    assertTrue(TrainingHealth.lossStuck(List.of(epoch(0, 0.62)), 10).isEmpty());
    assertTrue(TrainingHealth.lossStuck(List.of(epoch(0, 2.30), epoch(1, 1.1)), 10).isEmpty(),
        "judged on the latest epoch");
    assertTrue(TrainingHealth.lossStuck(List.of(epoch(0, 2.30), epoch(1, 2.29)), 10).isPresent());
    assertTrue(TrainingHealth.lossStuck(List.of(epoch(0, 2.30)), 0).isEmpty(), "regression");
    assertTrue(TrainingHealth.lossStuck(List.of(), 10).isEmpty());
  }

  @Test
  void theStuckHintComesFirstAndWorksWithoutDiagnostics() {
    List<TrainingHealth.Hint> hints = TrainingHealth.assess(null, List.of(epoch(0, 2.302)), 10);
    assertEquals(1, hints.size());
    assertEquals(TrainingHealth.LOSS_STUCK, hints.get(0).key());
    assertTrue(TrainingHealth.assess(null, List.of(epoch(0, 1.0)), 10).isEmpty());
  }
}
