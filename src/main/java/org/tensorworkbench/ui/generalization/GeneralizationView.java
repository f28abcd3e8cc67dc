package org.tensorworkbench.ui.generalization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.tensorworkbench.engine.lab.generalization.HousingCrossValidation;
import org.tensorworkbench.engine.lab.generalization.PolynomialExperiment;
import org.tensorworkbench.engine.lab.generalization.WeightDecayExperiment;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.LessonTarget;

/**
 * The Generalization Lab: polynomial fitting (d2l 4.4), the U-curve from sweeps, weight decay
 * (d2l 3.7) and validation with K-fold cross-validation and early stopping (d2l 5.7). Every
 * number comes from real training runs by the engine, each reproducible from its seed.
 *
 * <p>Lessons: preset keys {@code tab} ({@code polynomial}, {@code ucurve}, {@code weight-decay},
 * {@code kfold}), {@code degrees}, {@code train.points}, {@code lambda}, {@code folds}; facts
 * {@code tab}, {@code polynomial.train.loss.<degree>}, {@code polynomial.test.loss.<degree>},
 * {@code ucurve.points}, {@code weight-decay.test.loss.<λ>}, {@code kfold.folds},
 * {@code kfold.mean}, {@code kfold.spread}.
 */
public final class GeneralizationView implements LessonTarget {
  private static final List<String> TABS = List.of("polynomial", "ucurve", "weight-decay", "kfold");

  private final TabPane root = new TabPane();
  private final PolynomialViewModel polynomial;
  private final SweepViewModel sweep;
  private final WeightDecayViewModel decay;
  private final CrossValidationViewModel kfold;

  public GeneralizationView(AppContext context) {
    root.setId("generalization-lab");
    root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    polynomial = new PolynomialViewModel(context.executor());
    sweep = new SweepViewModel(context.executor());
    decay = new WeightDecayViewModel(context.executor());
    kfold = new CrossValidationViewModel(context.executor(), context.projectHome());
    root.getTabs().addAll(
        tab("polynomial", new PolynomialPane(polynomial).root()),
        tab("ucurve", new SweepPane(sweep).root()),
        tab("weight-decay", new WeightDecayPane(decay).root()),
        tab("kfold", new CrossValidationPane(kfold).root()));
    // d2l's three degrees and four values of λ take about a second: the tabs open with them
    polynomial.run();
    decay.run();
  }

  public Parent root() {
    return root;
  }

  @Override
  public void applyPreset(Map<String, String> preset) {
    for (Map.Entry<String, String> e : preset.entrySet()) {
      String value = e.getValue() == null ? "" : e.getValue().strip();
      switch (e.getKey()) {
        case "tab" -> {
          int i = TABS.indexOf(value);
          if (i < 0) {
            throw new IllegalArgumentException("tab: " + value + " (one of " + TABS + ")");
          }
          root.getSelectionModel().select(i);
        }
        case "degrees" -> {
          try {
            Inputs.wholeNumbers(value).forEach(PolynomialExperiment::checkDegree);
          } catch (RuntimeException ex) {
            throw new IllegalArgumentException("degrees: " + value, ex);
          }
          polynomial.degreesProperty().set(value);
        }
        case "train.points" -> {
          wholeNumber(e.getKey(), value);
          polynomial.trainPointsProperty().set(value);
          sweep.trainPointsProperty().set(value);
        }
        case "lambda" -> {
          try {
            Inputs.numbers(value);
          } catch (RuntimeException ex) {
            throw new IllegalArgumentException("lambda: " + value, ex);
          }
          decay.lambdasProperty().set(value);
        }
        case "folds" -> {
          wholeNumber(e.getKey(), value);
          kfold.foldsProperty().set(value);
        }
        default -> throw new IllegalArgumentException("unknown key: " + e.getKey()
            + " (tab, degrees, train.points, lambda, folds)");
      }
    }
  }

  @Override
  public Map<String, Object> facts() {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("tab", TABS.get(Math.max(0, root.getSelectionModel().getSelectedIndex())));
    PolynomialExperiment.Outcome p = polynomial.outcomeProperty().get();
    if (p != null) {
      facts.put("polynomial.train.points", p.settings().trainPoints());
      for (PolynomialExperiment.Fit f : p.fits()) {
        facts.put("polynomial.train.loss." + f.degree(), f.fit().finalTrainLoss());
        facts.put("polynomial.test.loss." + f.degree(), f.fit().finalTestLoss());
      }
    }
    facts.put("ucurve.points", sweep.points().size());
    for (WeightDecayExperiment.Run r : decay.runsProperty().get()) {
      facts.put("weight-decay.test.loss." + r.lambda(), r.fit().finalTestLoss());
      facts.put("weight-decay.train.loss." + r.lambda(), r.fit().finalTrainLoss());
    }
    HousingCrossValidation.Outcome k = kfold.outcomeProperty().get();
    if (k != null) {
      facts.put("kfold.folds", k.folds().size());
      facts.put("kfold.mean", k.meanValid());
      facts.put("kfold.spread", k.spreadValid());
    }
    return facts;
  }

  private static void wholeNumber(String key, String value) {
    try {
      Integer.parseInt(value);
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException(key + ": " + value + " is not a whole number", ex);
    }
  }

  private static Tab tab(String id, Node content) {
    Tab tab = new Tab();
    tab.textProperty().bind(I18n.text("generalization.tab." + id));
    tab.setId("tab-generalization-" + id);
    tab.setContent(content);
    return tab;
  }
}
