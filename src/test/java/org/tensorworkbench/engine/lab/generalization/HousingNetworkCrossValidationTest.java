package org.tensorworkbench.engine.lab.generalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.lab.tensor.LabInputException;
import org.tensorworkbench.engine.spec.Templates;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.workspace.ProjectHome;

/** K-fold cross-validation of an MLP on the housing data, trained by the engine. */
class HousingNetworkCrossValidationTest {
  private static final HousingCrossValidation CV = HousingCrossValidation.load(ProjectHome.find());

  @Test
  void anMlpGivesAFallingLogRmseCurvePerFold() {
    HousingCrossValidation.Settings s = new HousingCrossValidation.Settings(HousingModel.mlp(16), 3, 10, 0.05, 0, 64, 42);
    List<HousingCrossValidation.Fold> told = new ArrayList<>();
    HousingCrossValidation.Outcome o = CV.crossValidate(s, () -> false, told::add);
    assertEquals(3, o.folds().size());
    assertEquals(3, told.size());
    for (HousingCrossValidation.Fold f : o.folds()) {
      assertEquals(10, f.validLogRmse().length);
      assertTrue(f.finalTrain() < f.trainLogRmse()[0], "fold " + f.fold() + " learns: " + f.finalTrain());
      assertTrue(f.finalValid() > 0.05 && f.finalValid() < 1.5, "a price error, not noise: " + f.finalValid());
    }
    assertTrue(o.spreadValid() >= 0 && Double.isFinite(o.meanValid()));
    // the same settings and seed train the same folds to the same numbers
    HousingCrossValidation.Settings one = new HousingCrossValidation.Settings(HousingModel.mlp(16), 2, 3, 0.05, 0, 64, 42);
    assertEquals(CV.crossValidate(one, () -> false, f -> { }).meanValid(),
        CV.crossValidate(one, () -> false, f -> { }).meanValid(), 1e-9);
  }

  @Test
  void stoppingLeavesTheRemainingFoldsOut() {
    HousingCrossValidation.Settings s = new HousingCrossValidation.Settings(HousingModel.mlp(8), 4, 3, 0.05, 0, 64, 1);
    List<HousingCrossValidation.Fold> told = new ArrayList<>();
    HousingCrossValidation.Outcome o = CV.crossValidate(s, () -> told.size() >= 1, told::add);
    assertEquals(1, o.folds().size());
  }

  @Test
  void aNetworkThatIsNoHousePricePredictorIsRefusedWithASentence() {
    LabInputException classifier = assertThrows(LabInputException.class,
        () -> HousingModel.network("mlp", Templates.load("mlp"), CV.features()));
    assertEquals("generalization.error.notRegression", classifier.key());
    HousingModel linear = HousingModel.network("linear-regression", Templates.load("linear-regression"), CV.features());
    assertEquals("linear-regression", linear.label());
    LabInputException noWidth = assertThrows(LabInputException.class, () -> HousingModel.mlp(0));
    assertEquals("generalization.error.rangeOf", noWidth.key());
    // the field is named in the message's language, not by its key
    for (Locale locale : Messages.SUPPORTED) {
      String text = Messages.get(locale, noWidth.key(), noWidth.args());
      assertTrue(text.startsWith(Messages.get(locale, "generalization.field.width")) && !text.contains("generalization."), text);
    }
    for (Locale locale : Messages.SUPPORTED) {
      String text = Messages.get(locale, classifier.key(), classifier.args());
      assertTrue(text.contains("mlp") && !text.startsWith("!"), text);
    }
  }
}
