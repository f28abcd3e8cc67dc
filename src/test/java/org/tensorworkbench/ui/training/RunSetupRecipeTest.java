package org.tensorworkbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.Templates;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.i18n.Messages;

/** Choosing a template (or the builder's design made from one) applies its recipe to the set-up form. */
class RunSetupRecipeTest {
  private RunSetupViewModel vm;

  @BeforeEach
  void english() {
    Messages.setLocale(Locale.ENGLISH);
    vm = new RunSetupViewModel(List.of("mnist", "fashion-mnist", "housing"));
  }

  private void choose(String template) {
    vm.networkProperty().set(vm.networks().stream().filter(c -> c.name().equals(template)).findFirst().orElseThrow());
  }

  @Test
  void choosingLeNetAppliesD2lsRecipeAndSaysSo() {
    vm.learningRateProperty().set("0.1");
    vm.limitProperty().set("500");
    choose("lenet");
    TrainingConfig c = vm.configProperty().get();
    assertEquals(Optimizer.SGD, c.optimizer());
    assertEquals(0.9, c.learningRate(), 0);
    assertEquals(256, c.batchSize());
    assertEquals(10, c.epochs());
    assertEquals(0, c.limit());
    assertEquals("0.9", vm.learningRateProperty().get(), "shown as typed");
    assertEquals("lenet", vm.recipeProperty().get().template());
    assertEquals("d2l 7.6: sgd, lr 0.9, batch 256, 10 epochs", vm.recipeProperty().get().describe());
  }

  @Test
  void theRecipeStaysEditableAndNamesItsDataset() {
    choose("alexnet-mini");
    assertEquals(Optimizer.ADAM, vm.configProperty().get().optimizer());
    assertEquals(3, vm.configProperty().get().epochs());
    vm.epochsProperty().set("1");
    assertEquals(1, vm.configProperty().get().epochs(), "an edit after the recipe wins");
    vm.datasetProperty().set("mnist");
    choose("linear-regression");
    assertEquals("housing", vm.datasetProperty().get());
    assertEquals(0.03, vm.configProperty().get().learningRate(), 0);
  }

  @Test
  void aBuilderDesignGetsItsTemplatesRecipeAndAFileKeepsTheFields() {
    vm.useBuilderDesign(Templates.load("lenet-bn"));
    assertEquals(1.0, vm.configProperty().get().learningRate(), 0);
    assertEquals("lenet-bn", vm.recipeProperty().get().template());

    vm.learningRateProperty().set("0.05");
    NetworkSpec mlp = Templates.load("mlp");
    NetworkSpec renamed = new NetworkSpec(mlp.formatVersion(), "My own net", mlp.nodes());
    vm.useBuilderDesign(renamed);
    assertNull(vm.recipeProperty().get(), "a renamed design is not a template's");
    assertEquals(0.05, vm.configProperty().get().learningRate(), 0);

    vm.useNetworkFile(Path.of("net.json"), Templates.load("lenet"));
    assertNull(vm.recipeProperty().get());
    assertEquals(0.05, vm.configProperty().get().learningRate(), 0);
  }
}
