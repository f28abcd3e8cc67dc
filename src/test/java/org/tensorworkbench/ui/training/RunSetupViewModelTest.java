package org.tensorworkbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.BackendInfo;
import org.tensorworkbench.engine.spec.Templates;
import org.tensorworkbench.engine.train.LearningRateSchedule;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.engine.train.RunJson;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.i18n.Messages;

class RunSetupViewModelTest {
  private RunSetupViewModel vm;

  @BeforeEach
  void english() {
    Messages.setLocale(Locale.ENGLISH);
    vm = new RunSetupViewModel(List.of("mnist", "fashion-mnist"));
  }

  @AfterEach
  void reset() {
    Messages.setLocale(Locale.ENGLISH);
  }

  @Test
  void startsValidWithSoftmaxRegressionOnFashionMnist() {
    assertEquals("softmax-regression", vm.networkProperty().get().name());
    assertEquals("fashion-mnist", vm.datasetProperty().get());
    assertEquals(TrainingConfig.defaults(), vm.configProperty().get());
    assertNull(vm.problemProperty().get());
  }

  @Test
  void aFieldThatIsNoNumberIsNamedAsYouType() {
    vm.learningRateProperty().set("0.1x");
    assertNull(vm.configProperty().get());
    assertEquals("Learning rate η: \"0.1x\" is not a number.", vm.problemProperty().get().get());
    vm.learningRateProperty().set("0.5");
    assertEquals(0.5, vm.configProperty().get().learningRate());
    assertNull(vm.problemProperty().get());
  }

  @Test
  void outOfRangeValuesGetTheEnginesMessageInTheCurrentLanguage() {
    vm.batchSizeProperty().set("0");
    assertNull(vm.configProperty().get());
    String english = vm.problemProperty().get().get();
    assertTrue(english.contains("batchSize"), english);
    Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    String chinese = vm.problemProperty().get().get();
    assertTrue(!chinese.equals(english) && chinese.contains("batchSize"), chinese);
  }

  @Test
  void readsTheScheduleAndTheOptimizerSettings() {
    vm.optimizerProperty().set(Optimizer.ADAMW);
    vm.scheduleProperty().set("step:2:0.5");
    vm.beta2Property().set("0.99");
    vm.weightDecayProperty().set("0.01");
    TrainingConfig c = vm.configProperty().get();
    assertEquals(Optimizer.ADAMW, c.optimizer());
    assertEquals(new LearningRateSchedule.Step(2, 0.5), c.schedule());
    assertEquals(0.99, c.beta2());
    assertEquals(0.01, c.weightDecay());
    vm.scheduleProperty().set("sometimes");
    assertNull(vm.configProperty().get());
    assertTrue(vm.problemProperty().get().get().contains("sometimes"));
  }

  @Test
  void splitLimitsMustBeWholeNonNegativeNumbers() {
    vm.limitProperty().set("1000");
    vm.testLimitProperty().set("200");
    assertEquals(1000, vm.datasetOptionsProperty().get().limit());
    assertEquals(200, vm.datasetOptionsProperty().get().testLimit());
    vm.testLimitProperty().set("1.5");
    assertNull(vm.datasetOptionsProperty().get());
    assertEquals("Test examples: \"1.5\" is not a whole number.", vm.problemProperty().get().get());
  }

  @Test
  void theBuildersDesignIsOfferedFirstAndSelected() {
    vm.useBuilderDesign(Templates.load("lenet").withName("my LeNet"));
    assertEquals(NetworkChoice.Kind.BUILDER, vm.networks().get(0).kind());
    assertEquals("From the builder: my LeNet", vm.networkProperty().get().label());
    vm.useBuilderDesign(Templates.load("mlp").withName("second"));
    assertEquals(1, vm.networks().stream().filter(c -> c.kind() == NetworkChoice.Kind.BUILDER).count());
    assertEquals("second", vm.networkProperty().get().name());
  }

  @Test
  void theGpuIsOfferedOnlyWhenTheCudaBackendRuns() {
    assertNotNull(vm.gpuUnavailableReason());
    vm.setBackend(new BackendInfo(false, "CpuBackend", "x86", 2, "AVX2", "OpenBLAS", 1L << 30));
    assertEquals(RunSetupViewModel.Device.CPU, vm.deviceProperty().get());
    assertTrue(vm.gpuUnavailableReason().get().startsWith("GPU unavailable: this build runs ND4J's CPU backend"));
    vm.setBackend(new BackendInfo(true, "CudaBackend", "RTX", 2, "", "cuBLAS", 12L << 30));
    assertEquals(RunSetupViewModel.Device.GPU, vm.deviceProperty().get());
    assertNull(vm.gpuUnavailableReason());
  }

  @Test
  void aModelsRecordedConfigurationReadsBack() {
    TrainingConfig trained = TrainingConfig.defaults().withOptimizer(Optimizer.MOMENTUM).withLearningRate(0.03)
        .withSchedule(new LearningRateSchedule.Cosine(0.1)).withBatchSize(64).withEpochs(3).withSeed(9)
        .withWeightDecay(1e-4, false);
    assertEquals(trained, TrainingViewModel.trainedConfig(RunJson.configMap(trained)));
    vm.applyConfig(trained);
    assertEquals(trained, vm.configProperty().get());
  }
}
