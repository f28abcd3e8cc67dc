package org.tensorworkbench.ui.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.engine.tune.Hyperparameter;
import org.tensorworkbench.engine.tune.Method;
import org.tensorworkbench.engine.tune.ParameterRange;
import org.tensorworkbench.engine.tune.StudySettings;
import org.tensorworkbench.engine.tune.TuningException;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.common.UiExecutor;

/** The search-space form: what it turns into, and the messages for what it cannot. */
class TuningViewModelTest {
  @TempDir
  Path dir;

  @Test
  void theFormBecomesASearchSpaceWithRangesChoicesAndFixedValues() {
    TuningViewModel vm = new TuningViewModel(UiExecutor.direct(), dir, dir.resolve("studies"));
    vm.parameter(Hyperparameter.DROPOUT).searchedProperty().set(true);
    vm.parameter(Hyperparameter.WIDTH).fixedProperty().set("64");
    vm.methodProperty().set(Method.HALVING);
    StudySettings s = vm.settings();
    assertEquals(Method.HALVING, s.method());
    assertEquals(30, s.budget());
    List<ParameterRange> ranges = s.space().ranges();
    assertEquals(new ParameterRange.Numeric(Hyperparameter.LEARNING_RATE, 0.001, 1, true), ranges.get(0));
    assertEquals(new ParameterRange.Choice(Hyperparameter.BATCH_SIZE, List.of(128.0, 256.0, 512.0)), ranges.get(1));
    assertEquals(new ParameterRange.Choice(Hyperparameter.OPTIMIZER, List.of("sgd", "momentum", "adam")), ranges.get(2));
    assertEquals(new ParameterRange.Numeric(Hyperparameter.DROPOUT, 0, 0.5, false), ranges.get(3));
    assertEquals(64.0, s.space().fixed().number(Hyperparameter.WIDTH));
    assertEquals(5.0, s.space().fixed().number(Hyperparameter.EPOCHS));
    assertFalse(s.space().fixed().values().containsKey(Hyperparameter.LEARNING_RATE));
  }

  @Test
  void searchingEpochsWithHalvingAndUnreadableValuesAreRefusedWithMessages() {
    Messages.setLocale(Locale.ENGLISH);
    TuningViewModel vm = new TuningViewModel(UiExecutor.direct(), dir, dir.resolve("studies"));
    vm.parameter(Hyperparameter.EPOCHS).searchedProperty().set(true);
    vm.methodProperty().set(Method.HYPERBAND);
    assertEquals("tuning.error.epochsWithHalving", assertThrows(TuningException.class, vm::settings).key());
    assertFalse(vm.start());
    assertTrue(vm.problemProperty().get().get().contains("fix the epochs"), vm.problemProperty().get().get());

    vm.parameter(Hyperparameter.EPOCHS).searchedProperty().set(false);
    vm.parameter(Hyperparameter.LEARNING_RATE).valuesProperty().set("0.001..lots");
    TuningException e = assertThrows(TuningException.class, vm::settings);
    assertEquals("tuning.error.badValue", e.key());
    vm.parameter(Hyperparameter.LEARNING_RATE).valuesProperty().set("0.001..1");
    vm.studyNameProperty().set("../escape");
    assertFalse(vm.start(), "a study name cannot leave the studies folder");
    assertTrue(vm.problemProperty().get().get().contains("\"../escape\""), vm.problemProperty().get().get());
    assertFalse(vm.runningProperty().get());
  }
}
