package org.tensorworkbench.engine.lab.generalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.graph.CompileOptions;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.NetworkCompiler;

/** The mask panel's numbers, read from a compiled network's own Dropout op. */
class DropoutMasksTest {
  private static final int BATCH = 64;

  private static DropoutMasks.Sample sample(double p1, double p2, String node) {
    CompiledNetwork net = NetworkCompiler.compile(DropoutExperiment.network(p1, p2), CompileOptions.defaults().withSeed(3));
    Nd4j.getRandom().setSeed(11);
    INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, 1, 28, 28); // [B, 1, 28, 28]
    return DropoutMasks.sample(net, node, x);
  }

  @Test
  void dropsAboutPOfTheValuesAndScalesTheRestByOneOverOneMinusP() {
    for (double p : new double[] {0.2, 0.5}) {
      DropoutMasks.Sample s = sample(p, 0.5, DropoutExperiment.DROPOUT1);
      assertEquals(256, s.units());
      assertEquals(BATCH, s.examples());
      int n = s.kept().length; // 16,384 Bernoulli draws: the share is p ± 5 standard deviations
      double tolerance = 5 * Math.sqrt(p * (1 - p) / n);
      assertEquals(p, s.droppedShare(), tolerance, "share dropped at p = " + p);
      int positiveKept = 0;
      for (int i = 0; i < n; i++) {
        if (s.kept()[i]) {
          assertEquals(s.before()[i] / (1 - p), s.training()[i], 1e-6 * Math.max(1, Math.abs(s.training()[i])),
              "kept value " + i + " is a / (1 - p)");
          positiveKept += s.before()[i] > 0 ? 1 : 0;
        } else {
          assertEquals(0f, s.training()[i], "dropped value " + i);
        }
      }
      assertTrue(positiveKept > n / 10, "the ReLU layer has many positive kept values: " + positiveKept);
    }
  }

  @Test
  void nothingIsDroppedAtInference() {
    DropoutMasks.Sample second = sample(0.2, 0.5, DropoutExperiment.DROPOUT2);
    assertEquals(0.5, second.p());
    assertTrue(second.droppedCount() > 0);
    for (int i = 0; i < second.kept().length; i++) {
      assertEquals(second.inferenceBefore()[i], second.inference()[i], "inference is the identity at " + i);
    }
    // before the first Dropout nothing random happens: the same input in both modes
    DropoutMasks.Sample first = sample(0.2, 0.5, DropoutExperiment.DROPOUT1);
    assertTrue(java.util.Arrays.equals(first.before(), first.inferenceBefore()));
    assertTrue(java.util.Arrays.equals(first.before(), first.inference()));
  }

  @Test
  void eachTrainingPassDrawsAFreshMask() {
    DropoutMasks.Sample a = sample(0.5, 0.5, DropoutExperiment.DROPOUT1);
    DropoutMasks.Sample b = sample(0.5, 0.5, DropoutExperiment.DROPOUT1);
    assertEquals(a.before()[7], b.before()[7]);
    assertFalse(java.util.Arrays.equals(a.kept(), b.kept()), "two passes, two masks");
  }
}
