package org.tensorworkbench.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.graph.CompiledNetwork;

class LayerDiagnosticsTest {

  @Test
  void updateRatioIsTheNormOfTheChangeOverTheNormOfTheWeights() {
    INDArray before = Nd4j.createFromArray(new float[][] {{3, 0}, {0, 4}}); // ‖W‖ = 5
    INDArray after = Nd4j.createFromArray(new float[][] {{3.03f, 0}, {0, 3.96f}}); // ΔW = (0.03, -0.04): ‖ΔW‖ = 0.05
    assertEquals(0.01, LayerDiagnostics.updateRatio(before, after), 1e-6);
    assertTrue(Double.isNaN(LayerDiagnostics.updateRatio(Nd4j.zeros(3), Nd4j.ones(3))));
  }

  @Test
  void standardDeviationIsThePopulationOne() {
    // [1, 2, 3, 4]: mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, / 4 = 1.25
    assertEquals(Math.sqrt(1.25), LayerDiagnostics.standardDeviation(Nd4j.createFromArray(1f, 2f, 3f, 4f)), 1e-6);
    assertEquals(0, LayerDiagnostics.standardDeviation(Nd4j.createFromArray(new float[][] {{7, 7}, {7, 7}})), 0);
  }

  @Test
  void aSessionReportsTheRatioOfTheIterationAfterEachSnapshot() throws Exception {
    Dataset mnist = new DatasetRegistry(Path.of(System.getProperty("tensorworkbench.home", ".")))
        .load(DatasetRegistry.MNIST, DatasetOptions.defaults().withLimit(500).withTestLimit(100));
    CompiledNetwork net = TestNetworks.softmaxRegression(new int[] {1, 28, 28}, 10, 5);
    RecordingSink sink = new RecordingSink();
    // SGD, zero initial bias: ‖Δb‖/‖b‖ is undefined at first, so only W is judged
    TrainingConfig config = TrainingConfig.defaults().withBatchSize(50).withEpochs(1).withLearningRate(0.1);
    List<String> layers = List.copyOf(net.activationNames().keySet());
    TrainingSession session = new TrainingSession(net, mnist.train(), mnist.test(), config,
        SessionOptions.quiet().withSnapshots(Duration.ofNanos(1), 0, layers), sink);
    session.start();
    assertTrue(session.awaitEnd(60, TimeUnit.SECONDS));
    session.close();
    List<TrainingEvent.Diagnostics> diagnostics = sink.of(TrainingEvent.Diagnostics.class);
    assertEquals(10, diagnostics.size()); // every iteration follows a snapshot, the first the one at the start
    TrainingEvent.Diagnostics first = diagnostics.get(0);
    assertEquals(0, first.iteration());
    TrainingEvent.Diagnostics.UpdateRatio w = first.updates().stream().filter(TrainingEvent.Diagnostics.UpdateRatio::weight)
        .findFirst().orElseThrow();
    // the snapshot at the start holds W₀, the one after iteration 0 holds W₁: the ratio is ‖W₁ − W₀‖/‖W₀‖
    List<TrainingEvent.Snapshot> snaps = sink.of(TrainingEvent.Snapshot.class);
    float[] w0 = snaps.get(0).weights().stream().filter(t -> t.name().equals(w.parameter())).findFirst().orElseThrow().values();
    float[] w1 = snaps.get(1).weights().stream().filter(t -> t.name().equals(w.parameter())).findFirst().orElseThrow().values();
    double diff = 0;
    double norm = 0;
    for (int i = 0; i < w0.length; i++) {
      diff += (w1[i] - w0[i]) * (double) (w1[i] - w0[i]);
      norm += w0[i] * (double) w0[i];
    }
    assertEquals(Math.sqrt(diff) / Math.sqrt(norm), w.ratio(), 1e-5);
    assertFalse(first.activations().isEmpty());
    assertTrue(first.activations().stream().allMatch(a -> a.std() > 0));
  }

  @Test
  void hintsNameTheLayersOutsideTheHealthyRange() {
    TrainingEvent.Diagnostics tooFast = new TrainingEvent.Diagnostics(0, 5,
        List.of(new TrainingEvent.Diagnostics.UpdateRatio("conv1_W", true, 0.02),
            new TrainingEvent.Diagnostics.UpdateRatio("conv1_b", false, 5.0),
            new TrainingEvent.Diagnostics.UpdateRatio("dense1_W", true, 0.001)),
        List.of(new TrainingEvent.Diagnostics.ActivationSpread("relu1", 0.0)));
    List<TrainingHealth.Hint> hints = TrainingHealth.assess(tooFast);
    // median of the weights' ratios (0.001, 0.02) is 0.0105: 10x the target
    assertEquals("train.health.updatesTooLarge", hints.get(0).key());
    assertEquals(List.of(11L, "conv1_W"), hints.get(0).arguments());
    assertEquals("train.health.activationsCollapsed", hints.get(1).key());
    assertTrue(hints.get(0).message().contains("11x larger than 1e-3"), hints.get(0).message());

    TrainingEvent.Diagnostics healthy = new TrainingEvent.Diagnostics(0, 5,
        List.of(new TrainingEvent.Diagnostics.UpdateRatio("dense1_W", true, 0.002)),
        List.of(new TrainingEvent.Diagnostics.ActivationSpread("dense1", 0.8)));
    assertTrue(TrainingHealth.assess(healthy).isEmpty());
    TrainingEvent.Diagnostics slow = new TrainingEvent.Diagnostics(0, 5,
        List.of(new TrainingEvent.Diagnostics.UpdateRatio("dense1_W", true, 1e-5)), List.of());
    assertEquals(List.of(100L, "dense1_W"), TrainingHealth.assess(slow).get(0).arguments());
  }
}
