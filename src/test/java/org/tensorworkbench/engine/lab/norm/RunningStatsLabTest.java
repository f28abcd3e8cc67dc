package org.tensorworkbench.engine.lab.norm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.lab.tensor.LabInputException;

class RunningStatsLabTest {

  @Test
  void runningStatisticsFollowTheMomentumUpdate() {
    RunningStatsTrace t = RunningStatsLab.simulate(3, 2, 16, 50, 0.1, 1);
    double mean = 0;
    double var = 1;
    for (BatchStatistics b : t.batches()) {
      mean = 0.9 * mean + 0.1 * b.mean();
      var = 0.9 * var + 0.1 * b.unbiasedVariance();
      assertEquals(mean, b.runningMean(), 1e-12);
      assertEquals(var, b.runningVariance(), 1e-12);
      assertEquals(b.variance() * 16 / 15, b.unbiasedVariance(), 1e-9, "unbiased = biased * m / (m - 1)");
    }
    assertEquals(3, t.last().runningMean(), 0.5, "after 50 batches the running mean is near the true mean");
    assertEquals(4, t.last().runningVariance(), 1.5);
  }

  @Test
  void smallBatchesScatterLikeSigmaOverRootM() {
    List<BatchSizeNoise> noise = RunningStatsLab.noiseByBatchSize(new int[] {2, 8, 64}, 0, 1, 2000, 5);
    for (BatchSizeNoise n : noise) {
      assertEquals(n.expectedMeanSpread(), n.meanSpread(), 0.1 * n.expectedMeanSpread(), "batch " + n.batchSize());
      double m = n.batchSize();
      assertEquals((m - 1) / m, n.averageVariance(), 0.1, "biased variance expectation");
    }
    assertTrue(noise.get(0).meanSpread() > 4 * noise.get(2).meanSpread());
  }

  @Test
  void inferenceUsesTheRunningStatistics() {
    RunningStatsTrace t = RunningStatsLab.simulate(5, 1, 32, 10, 0.5, 2);
    InferenceCheck c = RunningStatsLab.inference(t, 4, 1, 0, 1e-5, 3);
    BatchStatistics last = t.last();
    for (int i = 0; i < 4; i++) {
      double expected = (c.inputs()[i] - last.runningMean()) / Math.sqrt(last.runningVariance() + 1e-5);
      assertEquals(expected, c.withRunningStats()[i], 1e-9);
    }
    double own = 0;
    for (double v : c.withBatchStats()) {
      own += v;
    }
    assertEquals(0, own, 1e-9, "normalized with its own statistics a batch has mean 0");
  }

  @Test
  void rejectsBatchesTooSmallForAVariance() {
    assertEquals("norm.error.batchTooSmall",
        assertThrows(LabInputException.class, () -> RunningStatsLab.simulate(0, 1, 1, 10, 0.1, 1)).key());
    assertEquals("norm.error.momentum",
        assertThrows(LabInputException.class, () -> RunningStatsLab.simulate(0, 1, 4, 10, 0, 1)).key());
  }

  @Test
  void histogramsCountEveryValueInRange() {
    Histogram h = Histogram.of(new double[] {-1, -0.5, 0, 0.5, 1, 3}, 4, -1, 1);
    assertArrayEquals(new int[] {1, 1, 1, 2}, h.counts());
    assertEquals(5, h.total());
    assertEquals(3, Histogram.symmetricRange(new double[] {-3, 2}), 0.0);
  }
}
