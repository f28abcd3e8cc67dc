package org.tensorworkbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.io.AtomicFiles;
import org.tensorworkbench.engine.io.ModelFile;
import org.tensorworkbench.engine.train.Evaluation;
import org.tensorworkbench.engine.train.RecordedRun;
import org.tensorworkbench.engine.train.RunFolder;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.common.UiExecutor;

class TrainingViewModelTest {
  private static final DatasetRegistry REGISTRY =
      new DatasetRegistry(Path.of(System.getProperty("tensorworkbench.home", ".")));

  @TempDir
  Path runs;
  private TrainingViewModel vm;
  private final List<Evaluation> results = new ArrayList<>();

  @BeforeEach
  void smallMnistRun() {
    Messages.setLocale(Locale.ENGLISH);
    RunSetupViewModel setup = new RunSetupViewModel(List.of(DatasetRegistry.MNIST));
    setup.limitProperty().set("600");
    setup.testLimitProperty().set("200");
    setup.batchSizeProperty().set("100");
    setup.epochsProperty().set("2");
    vm = new TrainingViewModel(setup, new RunHistoryViewModel(UiExecutor.direct(), () -> runs), UiExecutor.direct(),
        REGISTRY, () -> runs);
    vm.setResultsListener((evaluation, names) -> results.add(evaluation));
  }

  @AfterEach
  void dispose() {
    AtomicFiles.simulateFailureUnder(null, null);
    vm.dispose();
  }

  /** Calls onFrame like the animation timer until {@code done}, at most 240 s (the first SameDiff run of a JVM is slow on a busy machine). */
  private void framesUntil(BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (!done.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out in phase " + vm.phaseProperty().get());
      Thread.sleep(16);
      vm.onFrame(System.nanoTime());
    }
  }

  @Test
  void aRunFillsTheCurvesAndIsKeptWithItsModel() throws Exception {
    vm.start();
    assertEquals(Phase.RUNNING, vm.phaseProperty().get());
    framesUntil(() -> vm.phaseProperty().get() == Phase.FINISHED);
    LiveCurves curves = vm.curvesProperty().get();
    assertEquals(12, curves.loss().added()); // 2 epochs of 600 / 100 minibatches
    assertEquals(12, curves.smoothLoss().added());
    assertEquals(2, curves.testAccuracy().size());
    assertTrue(curves.bestTestAccuracy() > 0.5, "accuracy " + curves.bestTestAccuracy());
    assertEquals(1.0, vm.runProgressProperty().get(), 1e-12);
    assertEquals(2, vm.statusProperty().get().epoch());
    assertEquals(1, results.size());
    assertEquals(200, results.get(0).count());

    assertEquals(1, vm.history().runs().size());
    RecordedRun recorded = vm.history().runs().get(0);
    assertEquals("finished", recorded.status());
    assertEquals("softmax-regression", recorded.network());
    assertEquals(12, recorded.curve().size());
    assertNotNull(recorded.model());
    assertEquals(2, ModelFile.load(recorded.model()).metadata().epochsTrained());
    assertTrue(Files.isRegularFile(recorded.folder().resolve("metrics.csv")));

    long parameters = vm.onNetworkThread((network, test) -> network.parameterCount()).get(30, TimeUnit.SECONDS);
    assertEquals(7850, parameters);
  }

  @Test
  void stepPauseResumeAndStop() throws Exception {
    vm.setup().epochsProperty().set("50");
    vm.step();
    framesUntil(() -> vm.curvesProperty().get().loss().added() == 1);
    assertEquals(Phase.PAUSED, vm.phaseProperty().get());
    vm.step();
    framesUntil(() -> vm.curvesProperty().get().loss().added() == 2);
    assertEquals(Phase.PAUSED, vm.phaseProperty().get());
    vm.start(); // resumes
    framesUntil(() -> vm.phaseProperty().get() == Phase.RUNNING && vm.curvesProperty().get().loss().added() > 5);
    vm.togglePause();
    framesUntil(() -> vm.phaseProperty().get() == Phase.PAUSED);
    long atPause = vm.curvesProperty().get().loss().added();
    Thread.sleep(300);
    vm.onFrame(System.nanoTime());
    assertTrue(vm.curvesProperty().get().loss().added() <= atPause + 1, "no training while paused");
    vm.togglePause();
    framesUntil(() -> vm.phaseProperty().get() == Phase.RUNNING);
    vm.stop();
    framesUntil(() -> vm.phaseProperty().get() == Phase.STOPPED);
    assertEquals("stopped", vm.history().runs().get(0).status());
    assertNotNull(vm.history().runs().get(0).model());
    assertNull(vm.failureProperty().get());
  }

  @Test
  void aDivergingLossStopsTheRunWithItsExplanation() throws Exception {
    RunSetupViewModel setup = new RunSetupViewModel(List.of(DatasetRegistry.SYNTHETIC_LINEAR));
    setup.networkProperty().set(setup.networks().stream().filter(c -> c.name().equals("linear-regression"))
        .findFirst().orElseThrow());
    setup.learningRateProperty().set("10");
    setup.batchSizeProperty().set("16");
    setup.epochsProperty().set("20");
    vm.dispose();
    vm = new TrainingViewModel(setup, new RunHistoryViewModel(UiExecutor.direct(), () -> runs), UiExecutor.direct(),
        REGISTRY, () -> runs);
    vm.start();
    framesUntil(() -> !vm.phaseProperty().get().isLive());
    assertEquals(Phase.FAILED, vm.phaseProperty().get());
    String message = vm.failureProperty().get().get();
    assertTrue(message.contains("learning rate"), message);
    assertEquals("failed", vm.history().runs().get(0).status());
  }

  @Test
  void anInvalidSetUpDoesNotStart() {
    vm.setup().epochsProperty().set("many");
    vm.start();
    assertEquals(Phase.IDLE, vm.phaseProperty().get());
    assertEquals("Epochs: \"many\" is not a whole number.", vm.failureProperty().get().get());
  }

  @Test
  void aReopenedModelIsOfferedWithItsConfigurationAndResults() throws Exception {
    vm.start();
    framesUntil(() -> vm.phaseProperty().get() == Phase.FINISHED);
    Path model = vm.history().runs().get(0).model();
    results.clear();
    vm.setup().learningRateProperty().set("0.7");
    vm.openModel(model);
    assertEquals(NetworkChoice.Kind.MODEL, vm.setup().networkProperty().get().kind());
    assertEquals(0.1, vm.setup().configProperty().get().learningRate());
    framesUntil(() -> !results.isEmpty());
    assertEquals(200, results.get(0).count());
    vm.start(); // continues training the reopened weights
    framesUntil(() -> vm.phaseProperty().get() == Phase.FINISHED);
    assertEquals(2, vm.history().runs().size());
  }

  @Test
  void aRunThatCannotBeWrittenLeavesNoHalfFolderAndLosesNoEarlierRun() throws Exception {
    vm.start();
    framesUntil(() -> vm.phaseProperty().get() == Phase.FINISHED);
    Path earlier = vm.history().runs().get(0).folder();
    List<String> earlierFiles = listed(earlier);
    // every write into the next run's staging folder (".<time>_<network>.staging-...") fails, as on a full disk
    AtomicFiles.simulateFailureUnder(runs.resolve(".2"), "No space left on device");
    vm.start();
    framesUntil(() -> vm.phaseProperty().get() == Phase.FINISHED);
    String notice = vm.noticeProperty().get().get();
    assertTrue(notice.startsWith("The run could not be kept in the history") && notice.contains("No space left"), notice);
    assertEquals(List.of(earlier.getFileName().toString()), listed(runs), "no half-written or hidden folder is left");
    assertEquals(earlierFiles, listed(earlier));
    assertEquals("finished", RunFolder.read(earlier).status());
    vm.history().refresh();
    assertEquals(1, vm.history().runs().size());
  }

  private static List<String> listed(Path folder) throws java.io.IOException {
    try (var files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
