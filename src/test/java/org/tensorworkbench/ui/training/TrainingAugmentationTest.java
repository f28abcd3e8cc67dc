package org.tensorworkbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.common.UiExecutor;

/** The Training screen's augmentation choice: a pipeline file trains, a bad one is explained and nothing starts. */
class TrainingAugmentationTest {
  private static final DatasetRegistry REGISTRY =
      new DatasetRegistry(Path.of(System.getProperty("tensorworkbench.home", ".")));

  @TempDir
  Path dir;

  @Test
  void aPipelineFileAugmentsTheRunAndABadOneIsRefused() throws Exception {
    Messages.setLocale(Locale.ENGLISH);
    RunSetupViewModel setup = new RunSetupViewModel(List.of(DatasetRegistry.MNIST));
    setup.limitProperty().set("300");
    setup.testLimitProperty().set("100");
    setup.batchSizeProperty().set("100");
    setup.epochsProperty().set("1");
    TrainingViewModel vm = new TrainingViewModel(setup, new RunHistoryViewModel(UiExecutor.direct(), () -> dir),
        UiExecutor.direct(), REGISTRY, () -> dir);
    try {
      Path bad = dir.resolve("bad.json");
      Files.writeString(bad, "{\"format\": 1, \"steps\": [{\"operation\": \"noise\", \"parameters\": {\"sigma\": -1}}]}");
      setup.augmentationProperty().set(bad);
      vm.start();
      assertEquals(Phase.IDLE, vm.phaseProperty().get());
      String message = vm.failureProperty().get().get();
      assertTrue(message.contains("sigma = -1") && message.contains("outside"), message);

      Path good = dir.resolve("good.json");
      Files.writeString(good, "{\"format\": 1, \"steps\": [{\"operation\": \"rotation\"}]}");
      setup.augmentationProperty().set(good);
      vm.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      while (vm.phaseProperty().get().isLive()) {
        assertTrue(System.nanoTime() < deadline, "timed out");
        Thread.sleep(16);
        vm.onFrame(System.nanoTime());
      }
      assertEquals(Phase.FINISHED, vm.phaseProperty().get());
    } finally {
      vm.dispose();
    }
  }
}
