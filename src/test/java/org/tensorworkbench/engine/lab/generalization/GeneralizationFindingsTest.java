package org.tensorworkbench.engine.lab.generalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.data.PolynomialGenerator.Curve;
import org.tensorworkbench.workspace.ProjectHome;

/** d2l's findings on generalization, reproduced by the lab's real training runs. */
class GeneralizationFindingsTest {

  @Test
  void cubicRecoversTheTrueWeightsAndGeneralizesBest() {
    PolynomialExperiment.Outcome o = PolynomialExperiment.run(PolynomialExperiment.Settings.d2l());
    double[] w = o.fit(3).fit().weights();
    double[] truth = {5, 1.2, -3.4, 5.6};
    for (int i = 0; i < 4; i++) {
      assertEquals(truth[i], w[i], 0.1, "weight " + i);
    }
    double test3 = o.fit(3).fit().finalTestLoss();
    assertTrue(test3 < o.fit(1).fit().finalTestLoss(), "degree 3 beats degree 1 on test loss");
    assertTrue(test3 < o.fit(19).fit().finalTestLoss(), "degree 3 beats degree 19 on test loss");
    // underfitting: the line cannot get near the noise floor (0.1^2 = 0.01)
    assertTrue(o.fit(1).fit().finalTrainLoss() > 100 * o.fit(3).fit().finalTrainLoss(), "degree 1 train loss stays high");
  }

  @Test
  void degree19OnTenPointsOverfits() {
    PolynomialExperiment.Settings s = new PolynomialExperiment.Settings(Curve.D2L_CUBIC, List.of(3, 19), 10, 100, 0.1,
        1500, 0.01, 42);
    PolynomialExperiment.Outcome o = PolynomialExperiment.run(s);
    LinearFit.Result cubic = o.fit(3).fit();
    LinearFit.Result big = o.fit(19).fit();
    assertTrue(big.finalTrainLoss() < cubic.finalTrainLoss(), big.finalTrainLoss() + " < " + cubic.finalTrainLoss());
    assertTrue(big.finalTestLoss() > cubic.finalTestLoss(), big.finalTestLoss() + " > " + cubic.finalTestLoss());
  }

  @Test
  void weightDecayOfThreeBeatsNoneOnTestLoss() {
    List<WeightDecayExperiment.Run> runs = WeightDecayExperiment.run(WeightDecayExperiment.Settings.d2l());
    LinearFit.Result none = runs.get(0).fit();
    LinearFit.Result three = runs.get(1).fit();
    assertTrue(three.finalTestLoss() < none.finalTestLoss(), three.finalTestLoss() + " < " + none.finalTestLoss());
    assertTrue(none.finalTrainLoss() < three.finalTrainLoss(), "without decay the 20 examples are fitted closer");
    assertTrue(three.weightNormSquared()[99] < none.weightNormSquared()[99], "decay shrinks ||w||^2");
  }

  @Test
  void fiveFoldHousingRunGivesSensibleErrors() {
    HousingCrossValidation cv = HousingCrossValidation.load(ProjectHome.find());
    HousingCrossValidation.Outcome o = cv.crossValidate(HousingCrossValidation.Settings.d2l(), () -> false, f -> { });
    assertEquals(5, o.folds().size());
    assertTrue(o.meanValid() > 0.05 && o.meanValid() < 0.5, "log-RMSE of a linear model: " + o.meanValid());
    assertTrue(o.spreadValid() >= 0);
  }
}
