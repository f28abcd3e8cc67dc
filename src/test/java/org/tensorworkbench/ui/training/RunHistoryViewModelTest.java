package org.tensorworkbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.engine.train.RecordedRun;
import org.tensorworkbench.ui.common.UiExecutor;

class RunHistoryViewModelTest {

  private static void run(Path dir, String network, String created, double accuracy) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("summary.json"), """
        {"network": "%s", "dataset": "mnist", "parameters": 7850, "training": {"optimizer": "sgd"},
         "created": "%s", "epochs": 2, "seconds": 3.5, "test_loss": 0.4, "test_accuracy": %s}
        """.formatted(network, created, accuracy));
    Files.writeString(dir.resolve("metrics.csv"), """
        epoch,train_loss,train_acc,test_loss,test_acc,seconds,images_per_s
        1,0.900000,0.700000,0.600000,0.800000,1.700,3529.4
        2,0.500000,0.850000,0.400000,%s,1.800,3333.3
        """.formatted(accuracy));
  }

  @Test
  void listsEveryReadableRunNewestFirstAndOverlaysTheTickedOnes(@TempDir Path runs) throws Exception {
    run(runs.resolve("a"), "mlp", "2026-11-23T10:00:00Z", 0.81);
    run(runs.resolve("b"), "lenet", "2026-11-23T11:00:00Z", 0.86);
    Files.createDirectories(runs.resolve("half-written"));
    Files.writeString(runs.resolve("half-written").resolve("summary.json"), "{\"network\": ");
    Files.createDirectories(runs.resolve("not-a-run"));
    RunHistoryViewModel vm = new RunHistoryViewModel(UiExecutor.direct(), () -> runs);
    vm.refresh();
    assertEquals(List.of("lenet", "mlp"), vm.runs().stream().map(RecordedRun::network).toList());
    RecordedRun lenet = vm.runs().get(0);
    assertEquals(0.86, lenet.testAccuracy(), 1e-12);
    assertEquals(2, lenet.epochs().size());
    assertTrue(lenet.curve().isEmpty(), "an older CLI run without curve.csv still lists");
    assertTrue(vm.overlaidRuns().isEmpty());
    vm.setOverlaid(vm.runs().get(1), true);
    vm.setOverlaid(lenet, true);
    assertEquals(List.of("lenet", "mlp"), vm.overlaidRuns().stream().map(RecordedRun::network).toList());
    vm.setOverlaid(lenet, false);
    assertEquals(List.of("mlp"), vm.overlaidRuns().stream().map(RecordedRun::network).toList());
  }

  @Test
  void aRunFolderLeftHiddenByAKilledScreenIsCleanedUpWhenTheHistoryIsRead(@TempDir Path runs) throws Exception {
    run(runs.resolve("a"), "mlp", "2026-11-23T10:00:00Z", 0.81);
    Path killed = runs.resolve(".lenet-2026-11-20.staging-123");
    run(killed, "lenet", "2026-11-20T10:00:00Z", 0.5);
    java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(
        java.time.Instant.now().minus(RunHistoryViewModel.ABANDONED_AFTER).minusSeconds(60));
    for (Path p : List.of(killed.resolve("summary.json"), killed.resolve("metrics.csv"), killed)) {
      Files.setLastModifiedTime(p, old);
    }
    Path saving = runs.resolve(".mlp-now.staging-456");
    run(saving, "mlp", "2026-11-23T12:00:00Z", 0.9);
    RunHistoryViewModel vm = new RunHistoryViewModel(UiExecutor.direct(), () -> runs);
    vm.refresh();
    assertEquals(List.of("mlp"), vm.runs().stream().map(RecordedRun::network).toList());
    assertTrue(!Files.exists(killed), "abandoned a day ago");
    assertTrue(Files.exists(saving), "a save in progress is left alone");
  }

  @Test
  void exportsTheMetricsCsvAsItIs(@TempDir Path runs) throws Exception {
    run(runs.resolve("a"), "mlp", "2026-11-23T10:00:00Z", 0.81);
    RunHistoryViewModel vm = new RunHistoryViewModel(UiExecutor.direct(), () -> runs);
    vm.refresh();
    Path target = runs.resolve("out").resolve("mlp.csv");
    vm.exportMetrics(vm.runs().get(0), target);
    assertEquals(Files.readString(runs.resolve("a").resolve("metrics.csv")), Files.readString(target));
    assertEquals("Wrote mlp.csv.", vm.noticeProperty().get().get());
  }
}
