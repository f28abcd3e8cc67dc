package org.tensorworkbench.ui.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.lab.conv.KernelPreset;
import org.tensorworkbench.ui.common.UiExecutor;

class KernelLearningViewModelTest {

  @Test
  void learnsTheD2lKernelAndReplaysItStepByStep() {
    KernelLearningViewModel vm = new KernelLearningViewModel(UiExecutor.direct(),
        new SimpleObjectProperty<>(KernelPreset.SOBEL_X.build(3, 1)));
    vm.stepsProperty().set(25);
    vm.learn();
    assertFalse(vm.runningProperty().get());
    assertEquals(25, vm.traceProperty().get().size());
    assertEquals(KernelPreset.EDGE_D2L.build(2, 1), vm.targetKernelProperty().get());
    assertEquals(0, vm.shownStepProperty().get());
    vm.showStep(99);
    assertEquals(25, vm.shownStepProperty().get());
    float[] last = vm.traceProperty().get().get(24).kernel();
    assertEquals(1.0, last[0], 0.1);
    assertEquals(-1.0, last[1], 0.1);
  }

  @Test
  void canLearnTheLabsCurrentKernel() {
    KernelLearningViewModel vm = new KernelLearningViewModel(UiExecutor.direct(),
        new SimpleObjectProperty<>(KernelPreset.SOBEL_X.build(3, 1)));
    vm.targetProperty().set(LearnTarget.CURRENT_KERNEL);
    vm.learningRateProperty().set(0.002);
    vm.stepsProperty().set(50);
    vm.learn();
    assertEquals(3, vm.targetKernelProperty().get().rows());
    var trace = vm.traceProperty().get();
    assertTrue(trace.get(49).loss() < trace.get(0).loss() / 10, "loss falls");
  }
}
