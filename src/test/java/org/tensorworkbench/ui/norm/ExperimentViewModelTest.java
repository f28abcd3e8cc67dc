package org.tensorworkbench.ui.norm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.lab.norm.NormalizationExperiment.Variant;
import org.tensorworkbench.engine.spec.Templates;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.engine.train.PreparedRun;
import org.tensorworkbench.engine.train.SessionOptions;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.engine.train.TrainingEventQueue;
import org.tensorworkbench.engine.train.TrainingSession;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.norm.ExperimentViewModel.CurvePoint;

/** The LeNet against LeNet-BN experiment on a tiny slice of Fashion-MNIST, without a toolkit. */
class ExperimentViewModelTest {
  private static final Path HOME = Path.of("").toAbsolutePath();

  @Test
  void bothNetworksGetCurvesAndStartAsADirectSessionWithTheSameSeedWould() throws Exception {
    ExperimentViewModel vm = new ExperimentViewModel(UiExecutor.direct(), HOME);
    vm.trainImagesProperty().set("256");
    vm.epochsProperty().set("1");
    vm.batchSizeProperty().set("64");
    vm.seedProperty().set("5");
    vm.start();
    assertNull(vm.errorProperty().get());
    assertTrue(vm.awaitEnd(120_000), "both runs end");
    vm.drain();
    assertEquals(ExperimentViewModel.Phase.DONE, vm.phaseProperty().get());
    assertFalse(vm.busyProperty().get());
    for (Variant v : Variant.values()) {
      ExperimentViewModel.Curves c = vm.curves(v);
      assertEquals(4, c.loss().size(), v + ": 256 images at batch 64 are 4 minibatches");
      assertEquals(0.25, c.loss().get(0).epoch(), 1e-12);
      assertEquals(1.0, c.loss().get(3).epoch(), 1e-12);
      assertEquals(1, c.testAccuracy().size());
      assertEquals(1, c.trainAccuracy().size());
      double acc = c.testAccuracy().get(0).value();
      assertTrue(acc >= 0 && acc <= 1, v + " accuracy " + acc);
    }

    for (Variant v : Variant.values()) {
      assertEquals(firstLossesOfADirectSession(v.template(), 4), vm.curves(v).loss().stream().map(CurvePoint::value).toList(),
          v + ": the same seed, data and settings give the same losses bit for bit");
    }
    TrainedLeNet trained = vm.trainedLeNetProperty().get();
    assertNotNull(trained, "the trained LeNet is offered to the BatchNorm steps");
    assertEquals(1, trained.epochs());
    assertEquals(256, trained.settings().trainImages());
  }

  @Test
  void settingsThatDoNotParseOrFitAreRefusedWithAReason() {
    ExperimentViewModel vm = new ExperimentViewModel(UiExecutor.direct(), HOME);
    vm.epochsProperty().set("three");
    vm.start();
    assertEquals("norm.error.notAWholeNumber", vm.errorProperty().get().key());
    assertEquals(ExperimentViewModel.Phase.IDLE, vm.phaseProperty().get());
    vm.epochsProperty().set("3");
    vm.batchSizeProperty().set("10000");
    vm.start();
    assertEquals("norm.error.experimentBatch", vm.errorProperty().get().key());
    vm.batchSizeProperty().set("128");
    vm.learningRateProperty().set("0");
    vm.start();
    assertEquals("norm.error.experimentRate", vm.errorProperty().get().key());
  }

  /** The first losses of a session set up by hand with the engine, as the Training screen would. */
  private static List<Double> firstLossesOfADirectSession(String template, int iterations) throws Exception {
    TrainingConfig config = TrainingConfig.defaults().withOptimizer(Optimizer.SGD).withLearningRate(0.9)
        .withBatchSize(64).withEpochs(1).withSeed(5);
    PreparedRun run = PreparedRun.of(Templates.load(template), new DatasetRegistry(HOME).load(DatasetRegistry.FASHION_MNIST,
        DatasetOptions.defaults().withLimit(256).withTestLimit(2_000)), config);
    TrainingEventQueue queue = new TrainingEventQueue();
    TrainingSession session = run.newSession(SessionOptions.quiet(), queue);
    session.start();
    assertTrue(session.awaitEnd(120, TimeUnit.SECONDS));
    List<Double> losses = new ArrayList<>();
    for (TrainingEvent e : queue.drain()) {
      if (e instanceof TrainingEvent.Iteration it && losses.size() < iterations) {
        losses.add(it.loss());
      }
    }
    session.close();
    return losses;
  }
}
