package org.tensorworkbench.ui.generalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.lab.generalization.Sweep;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.workspace.ProjectHome;

class GeneralizationViewModelsTest {
  @AfterEach
  void english() {
    Messages.setLocale(Locale.ENGLISH);
  }

  @Test
  void polynomialRunFitsEveryDegreeAndRefusesBadDegrees() {
    PolynomialViewModel model = new PolynomialViewModel(UiExecutor.direct());
    model.epochsProperty().set("50");
    model.run();
    assertNull(model.errorProperty().get());
    assertEquals(3, model.outcomeProperty().get().fits().size());
    var before = model.outcomeProperty().get();
    model.degreesProperty().set("1, 25");
    model.run();
    assertEquals("generalization.error.degree", model.errorProperty().get().key());
    assertTrue(model.errorProperty().get().get().contains("25"), model.errorProperty().get().get());
    assertEquals(before, model.outcomeProperty().get(), "a refused run keeps the last result");
    Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    assertTrue(model.errorProperty().get().get().contains("阶数"), model.errorProperty().get().get());
  }

  @Test
  void sweepDeliversOnePointPerValueAndRefusesAnEmptySweep() {
    SweepViewModel model = new SweepViewModel(UiExecutor.direct());
    model.valuesProperty().set("");
    model.start();
    assertEquals("generalization.error.emptySweep", model.errorProperty().get().key());
    model.valuesProperty().set("1, 3, 5");
    model.epochsProperty().set("30");
    model.start();
    assertNull(model.errorProperty().get());
    assertEquals(3, model.points().size());
    assertEquals(1.0, model.progressProperty().get());
    model.kindProperty().set(Sweep.Kind.WEIGHT_DECAY);
    assertTrue(model.valuesProperty().get().contains("3"), "each kind offers its own values");
  }

  @Test
  void weightDecayRunsOneModelPerLambda() {
    WeightDecayViewModel model = new WeightDecayViewModel(UiExecutor.direct());
    model.lambdasProperty().set("0, 3");
    model.run();
    assertEquals(2, model.runsProperty().get().size());
    model.lambdasProperty().set("-1");
    model.run();
    assertEquals("generalization.error.lambda", model.errorProperty().get().key());
  }

  @Test
  void crossValidationAddsCandidatesBestFirstAndChecksK() {
    CrossValidationViewModel model = new CrossValidationViewModel(UiExecutor.direct(), ProjectHome.find());
    model.epochsProperty().set("20");
    model.crossValidate();
    model.learningRateProperty().set("0.01");
    model.crossValidate();
    assertEquals(2, model.candidates().size());
    assertTrue(model.candidates().get(0).meanValid() <= model.candidates().get(1).meanValid());
    model.retrainBest();
    assertNotNull(model.retrainedProperty().get());
    model.earlyStopping();
    var early = model.earlyStoppingProperty().get();
    assertTrue(early.chosenEpoch() >= 1 && early.chosenEpoch() <= early.validLogRmse().length);
    model.foldsProperty().set("11");
    model.crossValidate();
    assertEquals("generalization.error.folds", model.errorProperty().get().key());
  }

  @Test
  void anMlpCandidateIsCrossValidatedAndComparedWithTheLinearOne() {
    CrossValidationViewModel model = new CrossValidationViewModel(UiExecutor.direct(), ProjectHome.find());
    model.foldsProperty().set("2");
    model.epochsProperty().set("5");
    model.crossValidate();
    model.modelKindProperty().set(CrossValidationViewModel.ModelKind.MLP);
    model.widthProperty().set("0");
    model.crossValidate();
    assertEquals("generalization.error.rangeOf", model.errorProperty().get().key(), "a width of 0 is refused");
    model.widthProperty().set("8");
    model.learningRateProperty().set("0.05");
    model.crossValidate();
    assertNull(model.errorProperty().get());
    assertEquals(2, model.candidates().size());
    assertTrue(model.candidates().stream().anyMatch(c -> c.settings().model().label().equals("mlp:8")));
    assertEquals(2, model.outcomeProperty().get().folds().size());
    assertNull(model.foldsDoneProperty().get(), "no progress line once done");
  }

  @Test
  void dropoutSettingsAreCheckedBeforeAnythingTrains() {
    DropoutViewModel model = new DropoutViewModel(UiExecutor.direct(), ProjectHome.find());
    model.p2Property().set("1");
    model.start();
    assertEquals("generalization.error.dropout", model.errorProperty().get().key());
    assertEquals(DropoutViewModel.Phase.IDLE, model.phaseProperty().get());
    Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    assertTrue(model.errorProperty().get().get().contains("暂退概率"), model.errorProperty().get().get());
    Messages.setLocale(Locale.ENGLISH);
    model.p2Property().set("0.5");
    model.trainImagesProperty().set("100");
    model.start();
    assertEquals("generalization.error.rangeOf", model.errorProperty().get().key());
  }
}
