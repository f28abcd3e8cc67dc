package org.tensorworkbench.ui.generalization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.tensorworkbench.engine.lab.generalization.DropoutExperiment;
import org.tensorworkbench.engine.lab.generalization.HousingCrossValidation;
import org.tensorworkbench.engine.lab.generalization.HousingModel;
import org.tensorworkbench.engine.lab.generalization.PolynomialExperiment;
import org.tensorworkbench.engine.lab.generalization.WeightDecayExperiment;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.LessonTarget;

/**
 * The Generalization Lab: polynomial fitting (d2l 4.4), the U-curve from sweeps, weight decay
 * (d2l 3.7), dropout (d2l 5.6) and validation with K-fold cross-validation and early stopping
 * (d2l 5.7). Every number comes from real training runs by the engine, each reproducible from
 * its seed (the dropout masks excepted: ND4J does not seed them).
 *
 * <p>Lessons: preset keys {@code tab} ({@code polynomial}, {@code ucurve}, {@code weight-decay},
 * {@code dropout}, {@code kfold}), {@code degrees}, {@code train.points}, {@code lambda},
 * {@code p1}, {@code p2} (dropout probabilities, 0 to below 1), {@code dropout.images},
 * {@code dropout.epochs}, {@code folds}, {@code kfold.model} ({@code linear} or {@code mlp}),
 * {@code kfold.width}; facts {@code tab}, {@code polynomial.train.loss.<degree>},
 * {@code polynomial.test.loss.<degree>}, {@code ucurve.points}, {@code weight-decay.test.loss.<λ>},
 * {@code dropout.epochs} (epochs both dropout runs finished), {@code dropout.p1},
 * {@code dropout.p2}, {@code dropout.train.accuracy.with|without},
 * {@code dropout.test.accuracy.with|without}, {@code dropout.gap.with|without} (train minus
 * test accuracy after the last epoch), {@code dropout.mask.share} (share dropped in the mask
 * panel's minibatch), {@code kfold.folds}, {@code kfold.mean}, {@code kfold.spread},
 * {@code kfold.model}.
 */
public final class GeneralizationView implements LessonTarget {
  private static final List<String> TABS = List.of("polynomial", "ucurve", "weight-decay", "dropout", "kfold");

  private final TabPane root = new TabPane();
  private final PolynomialViewModel polynomial;
  private final SweepViewModel sweep;
  private final WeightDecayViewModel decay;
  private final DropoutViewModel dropout;
  private final CrossValidationViewModel kfold;

  public GeneralizationView(AppContext context) {
    root.setId("generalization-lab");
    root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    polynomial = new PolynomialViewModel(context.executor());
    sweep = new SweepViewModel(context.executor());
    decay = new WeightDecayViewModel(context.executor());
    dropout = new DropoutViewModel(context.executor(), context.projectHome());
    kfold = new CrossValidationViewModel(context.executor(), context.projectHome());
    root.getTabs().addAll(
        tab("polynomial", new PolynomialPane(polynomial).root()),
        tab("ucurve", new SweepPane(sweep).root()),
        tab("weight-decay", new WeightDecayPane(decay).root()),
        tab("dropout", new DropoutPane(dropout).root()),
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
        case "p1", "p2" -> {
          probability(e.getKey(), value);
          (e.getKey().equals("p1") ? dropout.p1Property() : dropout.p2Property()).set(value);
        }
        case "dropout.images" -> {
          wholeNumber(e.getKey(), value);
          dropout.trainImagesProperty().set(value);
        }
        case "dropout.epochs" -> {
          wholeNumber(e.getKey(), value);
          dropout.epochsProperty().set(value);
        }
        case "folds" -> {
          wholeNumber(e.getKey(), value);
          kfold.foldsProperty().set(value);
        }
        case "kfold.model" -> kfold.modelKindProperty().set(switch (value) {
          case "linear" -> CrossValidationViewModel.ModelKind.LINEAR;
          case "mlp" -> CrossValidationViewModel.ModelKind.MLP;
          default -> throw new IllegalArgumentException("kfold.model: " + value + " (linear or mlp)");
        });
        case "kfold.width" -> {
          wholeNumber(e.getKey(), value);
          kfold.widthProperty().set(value);
        }
        default -> throw new IllegalArgumentException("unknown key: " + e.getKey()
            + " (tab, degrees, train.points, lambda, p1, p2, dropout.images, dropout.epochs, folds, kfold.model,"
            + " kfold.width)");
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
    dropoutFacts(facts);
    HousingCrossValidation.Outcome k = kfold.outcomeProperty().get();
    if (k != null) {
      facts.put("kfold.folds", k.folds().size());
      facts.put("kfold.mean", k.meanValid());
      facts.put("kfold.spread", k.spreadValid());
      facts.put("kfold.model", k.settings().model() instanceof HousingModel.Network ? "mlp" : "linear");
    }
    return facts;
  }

  private void dropoutFacts(Map<String, Object> facts) {
    DropoutExperiment.Settings ran = dropout.settingsRunProperty().get();
    List<DropoutViewModel.EpochAccuracy> with = dropout.curve(DropoutExperiment.Variant.WITH);
    List<DropoutViewModel.EpochAccuracy> without = dropout.curve(DropoutExperiment.Variant.WITHOUT);
    if (ran != null) {
      facts.put("dropout.p1", ran.p1());
      facts.put("dropout.p2", ran.p2());
      facts.put("dropout.epochs", Math.min(with.size(), without.size()));
    }
    for (var e : Map.of("with", with, "without", without).entrySet()) {
      if (!e.getValue().isEmpty()) {
        DropoutViewModel.EpochAccuracy last = e.getValue().get(e.getValue().size() - 1);
        facts.put("dropout.train.accuracy." + e.getKey(), last.train());
        facts.put("dropout.test.accuracy." + e.getKey(), last.test());
        facts.put("dropout.gap." + e.getKey(), last.gap());
      }
    }
    if (dropout.maskProperty().get() != null) {
      facts.put("dropout.mask.share", dropout.maskProperty().get().droppedShare());
    }
  }

  private static void probability(String key, String value) {
    try {
      double p = Double.parseDouble(value);
      if (!(p >= 0 && p < 1)) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException(key + ": " + value + " is not a probability from 0 to below 1", ex);
    }
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
