package org.tensorworkbench.ui.norm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.tensorworkbench.ui.common.UiExecutor;

/** The Normalization Lab's view models without a toolkit. */
class NormLabViewModelsTest {

  @Test
  void computesBatchNormAndLayerNormOfTheSameBatch() {
    NormViewModel vm = new NormViewModel(UiExecutor.direct(), java.nio.file.Path.of("").toAbsolutePath());
    vm.recompute();
    NormResult r = vm.resultProperty().get();
    assertArrayEquals(new int[] {4, 3, 2, 2}, r.batch().output().shape());
    assertArrayEquals(r.batch().input().values(), r.layer().input().values());
    assertEquals(3, r.batch().mean().length);
    assertEquals(4, r.layer().mean().length);
  }

  @Test
  void gammaAndBetaSetTheOutputsScaleAndShift() {
    NormViewModel vm = new NormViewModel(UiExecutor.direct(), java.nio.file.Path.of("").toAbsolutePath());
    vm.gammaProperty().set("2, 1, 0.5");
    vm.betaProperty().set("1");
    NormResult r = vm.resultProperty().get();
    assertArrayEquals(new double[] {1, 1, 1}, r.batch().outputMean(), 1e-9);
    for (int c = 0; c < 3; c++) {
      double g = new double[] {2, 1, 0.5}[c];
      double var = r.batch().variance()[c];
      assertEquals(g * g * var / (var + 1e-5), r.batch().outputVariance()[c], 1e-9);
    }
  }

  @Test
  void badPerChannelListsAreErrors() {
    NormViewModel vm = new NormViewModel(UiExecutor.direct(), java.nio.file.Path.of("").toAbsolutePath());
    vm.meansProperty().set("1, 2");
    assertNull(vm.resultProperty().get());
    assertEquals("norm.error.listCount", vm.errorProperty().get().key());
    vm.meansProperty().set("1, 2, x");
    assertEquals("norm.error.notANumber", vm.errorProperty().get().key());
    vm.meansProperty().set("0");
    assertNull(vm.errorProperty().get());
    vm.shapeProperty().set("4, 3, 2");
    assertEquals("norm.error.shapeRank", vm.errorProperty().get().key());
  }

  @Test
  void denseBatchesHaveOneChannelPerFeature() {
    NormViewModel vm = new NormViewModel(UiExecutor.direct(), java.nio.file.Path.of("").toAbsolutePath());
    vm.shapeProperty().set("8, 3");
    assertArrayEquals(new int[] {8, 3}, vm.resultProperty().get().batch().rows().shape());
  }

  @Test
  void realActivationsComeFromLeNetsFirstConvolution() {
    NormViewModel vm = new NormViewModel(UiExecutor.direct(), java.nio.file.Path.of("").toAbsolutePath());
    vm.lenetBatchProperty().set("2");
    vm.sourceProperty().set(NormViewModel.Source.LENET_CONV1);
    assertNull(vm.errorProperty().get());
    assertArrayEquals(new int[] {2, 6, 4, 4}, vm.resultProperty().get().batch().input().shape());
    assertEquals(6, vm.resultProperty().get().batch().mean().length);
    vm.gammaProperty().set("2");
    assertArrayEquals(new int[] {2, 6, 4, 4}, vm.resultProperty().get().batch().output().shape());
    vm.lenetBatchProperty().set("99");
    assertEquals("norm.error.lenetBatch", vm.errorProperty().get().key());
  }

  @Test
  void runningStatisticsFollowTheEditedStream() {
    RunningStatsViewModel vm = new RunningStatsViewModel(UiExecutor.direct());
    vm.recompute();
    RunningStatsResult r = vm.resultProperty().get();
    assertEquals(100, r.trace().batches().size());
    assertEquals(RunningStatsViewModel.BATCH_SIZES.length, r.noise().size());
    vm.batchesProperty().set("20");
    assertEquals(20, vm.resultProperty().get().trace().batches().size());
    vm.batchSizeProperty().set("1");
    assertEquals("norm.error.batchTooSmall", vm.errorProperty().get().key());
    vm.batchSizeProperty().set("eight");
    assertEquals("norm.error.notAWholeNumber", vm.errorProperty().get().key());
  }
}
