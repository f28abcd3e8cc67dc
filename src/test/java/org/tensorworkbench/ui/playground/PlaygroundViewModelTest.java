package org.tensorworkbench.ui.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.lab.playground.InputFeature;
import org.tensorworkbench.engine.lab.playground.PlaygroundDataset;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.common.DesignHandoff;
import org.tensorworkbench.ui.common.UiExecutor;

class PlaygroundViewModelTest {
  private final DesignHandoff handoff = new DesignHandoff();
  private PlaygroundViewModel vm;

  @BeforeEach
  void setUp() {
    Messages.setLocale(Locale.ENGLISH);
    vm = new PlaygroundViewModel(UiExecutor.direct(), handoff);
  }

  @AfterEach
  void english() {
    Messages.setLocale(Locale.ENGLISH);
  }

  @Test
  void startsWithASnapshotAndStepsOneAtATime() {
    assertNotNull(vm.snapshotProperty().get());
    assertEquals(0, vm.metricsProperty().get().steps());
    vm.step();
    vm.step();
    assertEquals(2, vm.metricsProperty().get().steps());
    assertEquals(3, vm.trainLoss().size(), "one loss point per refresh");
  }

  @Test
  void badInputGetsAClearMessageAndGoodInputClearsIt() {
    vm.layersProperty().set("");
    assertEquals("The network needs 1 to 6 hidden layers, not 0.", vm.messageProperty().get().get());
    assertNull(vm.snapshotProperty().get());
    vm.layersProperty().set("8, 0");
    assertEquals("Hidden layer 2 has 0 neurons; each layer needs 1 to 16.", vm.messageProperty().get().get());
    vm.layersProperty().set("8, x");
    assertTrue(vm.messageProperty().get().get().contains("'8, x' is not a list of layer widths"));
    vm.layersProperty().set("4");
    assertNull(vm.messageProperty().get());
    vm.batchUpdate(() -> {
      vm.classesProperty().set(5);
      vm.pointsProperty().set(10);
      vm.testShareProperty().set(0.9);
    });
    assertEquals("5 classes need at least 5 training points, but only 1 points are left for training. "
        + "Add points or lower the test share.", vm.messageProperty().get().get());
    Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    assertTrue(vm.messageProperty().get().get().startsWith("5 个类别至少需要 5 个训练点"), "the message follows the language");
  }

  @Test
  void openInBuilderHandsTheSameNetworkOver() {
    vm.layersProperty().set("5, 3");
    vm.features().add(InputFeature.X1_SQUARED);
    handoff.subscribe(spec -> { });
    assertTrue(vm.openInBuilder());
    NetworkSpec spec = handoff.latestProperty().get();
    assertEquals(java.util.List.of(5, 3, 3), spec.nodes().stream().filter(n -> n.layer() instanceof DenseSpec)
        .map(n -> ((DenseSpec) n.layer()).units()).toList());
  }

  @Test
  void choosingXorKeepsTwoClassesAndItsNoise() {
    vm.chooseDataset(PlaygroundDataset.XOR);
    assertEquals(2, vm.classesProperty().get());
    assertEquals(0.05, vm.noiseProperty().get(), 1e-12);
    assertNull(vm.messageProperty().get());
    vm.chooseDataset(PlaygroundDataset.CURVE);
    assertNull(vm.messageProperty().get());
    assertTrue(vm.snapshotProperty().get().isRegression());
    assertTrue(Double.isNaN(vm.metricsProperty().get().testAccuracy()));
  }
}
