package org.tensorworkbench.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunJsonTest {
  @Test
  void everySettingSurvivesTheRoundTripIncludingEpsilonRmsDecayAndLimit() {
    TrainingConfig config = TrainingConfig.defaults().withOptimizer(Optimizer.RMSPROP).withLearningRate(0.003)
        .withSchedule(LearningRateSchedule.parse("step:2:0.5")).withWeightDecay(1e-4, true).withBatchSize(64)
        .withEpochs(7).withSeed(99).withLimit(1200);
    config = new TrainingConfig(config.optimizer(), config.learningRate(), config.schedule(), 0.8, 0.85, 0.99, 1e-6,
        0.95, config.weightDecay(), true, 64, 7, 99, 1200);
    Map<String, Object> map = RunJson.configMap(config);
    assertEquals(RunJson.FORMAT_VERSION, map.get("formatVersion"));
    assertEquals(config, RunJson.configFrom(map));
  }

  @Test
  void anOldConfigurationWithoutVersionOrNewerSettingsReadsWithDefaults() {
    TrainingConfig read = RunJson.configFrom(Map.of("optimizer", "ADAM", "learningRate", 0.01, "batchSize", 32));
    assertEquals(TrainingConfig.defaults().withOptimizer(Optimizer.ADAM).withLearningRate(0.01).withBatchSize(32), read);
  }

  @Test
  void badValuesAndNewerVersionsAreRefusedWithAMessage() {
    assertEquals("train.error.notPositive",
        assertThrows(TrainingException.class, () -> RunJson.configFrom(Map.of("batchSize", 0))).key());
    assertEquals("train.error.badConfig",
        assertThrows(TrainingException.class, () -> RunJson.configFrom(Map.of("epochs", "many"))).key());
    assertEquals("train.error.configVersion",
        assertThrows(TrainingException.class, () -> RunJson.configFrom(Map.of("formatVersion", 9))).key());
  }

  @Test
  void aSummaryWrittenBeforeTheFormatVersionStillReads(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("summary.json"), """
        {"network":"mlp","dataset":"mnist","parameters":203530,
         "training":{"optimizer":"SGD","learningRate":0.1,"batchSize":256,"epochs":2,"seed":1},
         "status":"finished","epochs":2,"test_accuracy":0.91,"test_confusion":[[1,0],[0,1]],"extra":"ignored"}
        """);
    RunJson.Summary summary = RunJson.readSummary(file);
    assertEquals(0.91, summary.testAccuracy());
    assertEquals(256, summary.config().batchSize());
    assertEquals(TrainingConfig.defaults().epsilon(), summary.config().epsilon());
    RunJson.Summary again = RunJson.readSummary(Files.writeString(dir.resolve("again.json"), RunJson.write(summary)));
    assertEquals(summary.config(), again.config());
  }
}
