package org.tensorworkbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.train.ClassificationEvaluation;
import org.tensorworkbench.engine.train.SessionState;
import org.tensorworkbench.engine.train.TrainingEvent;

class LiveCurvesTest {

  private static TrainingEvent.Iteration iteration(long i, double loss) {
    return new TrainingEvent.Iteration(0, i, loss, 0.1, 1000);
  }

  @Test
  void theSmoothedLossIsTheBiasCorrectedMovingAverage() {
    LiveCurves curves = new LiveCurves();
    curves.add(iteration(0, 2.0));
    // s1 = 0.05·2 = 0.1, corrected: 0.1 / (1 − 0.95) = 2
    assertEquals(2.0, curves.smoothLoss().y(0), 1e-12);
    curves.add(iteration(1, 1.0));
    // s2 = 0.95·0.1 + 0.05·1 = 0.145, corrected: 0.145 / (1 − 0.95²) = 0.145 / 0.0975
    assertEquals(0.145 / 0.0975, curves.smoothLoss().y(1), 1e-12);
    assertEquals(2, curves.loss().x(1), 0); // minibatches count from 1 on the x axis
  }

  @Test
  void aNaNLossIsDrawnButNotAveraged() {
    LiveCurves curves = new LiveCurves();
    curves.add(iteration(0, 1.0));
    curves.add(iteration(1, Double.NaN));
    assertEquals(2, curves.loss().size());
    assertEquals(1, curves.smoothLoss().size());
  }

  @Test
  void epochsKeepTheBestTestAccuracyAndDiagnosticsOnlyWeights() {
    LiveCurves curves = new LiveCurves();
    ClassificationEvaluation good = new ClassificationEvaluation(0.5, new long[][] {{8, 2}, {0, 10}});
    ClassificationEvaluation worse = new ClassificationEvaluation(0.6, new long[][] {{6, 4}, {0, 10}});
    curves.add(new TrainingEvent.Epoch(0, 0.7, 0.8, good, 1, 100));
    curves.add(new TrainingEvent.Epoch(1, 0.6, 0.85, worse, 1, 100));
    assertEquals(0.9, curves.bestTestAccuracy(), 1e-12);
    assertEquals(2, curves.testAccuracy().size());
    assertTrue(curves.add(new TrainingEvent.Diagnostics(1, 7,
        List.of(new TrainingEvent.Diagnostics.UpdateRatio("dense1_W", true, 1e-3),
            new TrainingEvent.Diagnostics.UpdateRatio("dense1_b", false, 0.5)),
        List.of(new TrainingEvent.Diagnostics.ActivationSpread("dense1", 0.7)))));
    assertEquals(List.of("dense1_W"), List.copyOf(curves.updateRatios().keySet()));
    assertEquals(8, curves.updateRatios().get("dense1_W").x(0), 0);
    assertEquals(0.7, curves.activationSpreads().get("dense1").y(0), 0);
    assertFalse(curves.add(new TrainingEvent.StateChanged(SessionState.PAUSED)));
  }

  @Test
  void frameTimerPercentilesUseTheNearestRank() {
    FrameTimer timer = new FrameTimer();
    for (int i = 1; i <= 100; i++) {
      timer.record(i * 1_000_000L);
    }
    assertEquals(50, timer.percentileMillis(50), 1e-9);
    assertEquals(99, timer.percentileMillis(99), 1e-9);
    assertEquals(100, timer.count());
    timer.reset();
    assertTrue(Double.isNaN(timer.percentileMillis(50)));
  }
}
