package org.tensorworkbench.ui.generalization;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import org.tensorworkbench.engine.data.PolynomialGenerator.Curve;
import org.tensorworkbench.engine.lab.generalization.PolynomialExperiment;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.tensors.LabControls;
import org.tensorworkbench.ui.training.AxisTicks;
import org.tensorworkbench.ui.training.CurveChart;

/**
 * Polynomial fitting (d2l 4.4): the settings, then the fitted curves over the training and test
 * points, train and test loss per epoch on a log scale, and the learned weights against the true
 * ones.
 */
final class PolynomialPane {
  private final PolynomialViewModel model;
  private final FitPlot fitPlot = new FitPlot();
  private final CurveChart lossChart = new CurveChart(I18n.text("generalization.poly.lossChart"),
      I18n.text("generalization.axis.epoch"));
  private final GridPane weights = new GridPane();
  private final Parent root;

  PolynomialPane(PolynomialViewModel model) {
    this.model = model;
    ChoiceBox<Curve> curve = LabControls.choices(Curve.values(), c -> "generalization.curve." + c.name().toLowerCase());
    curve.setId("poly-curve");
    curve.valueProperty().bindBidirectional(model.curveProperty());
    Button run = Forms.button("generalization.run", "poly-run", model::run);
    run.getStyleClass().add("accent");
    run.disableProperty().bind(model.busyProperty());
    FlowPane settings = new FlowPane(10, 6, curve,
        Forms.field("generalization.poly.degrees", "poly-degrees", model.degreesProperty(), 7),
        Forms.field("generalization.poly.points", "poly-points", model.trainPointsProperty(), 4),
        Forms.field("generalization.poly.noise", "poly-noise", model.noiseProperty(), 4),
        Forms.field("generalization.epochs", "poly-epochs", model.epochsProperty(), 4),
        Forms.field("generalization.lr", "poly-lr", model.learningRateProperty(), 4),
        Forms.field("generalization.seed", "poly-seed", model.seedProperty(), 4), run);
    settings.setAlignment(Pos.CENTER_LEFT);
    fitPlot.setId("poly-fit");
    lossChart.setId("poly-loss");
    lossChart.logScaleProperty().set(true);
    lossChart.setIntegerX(true);
    ChartRow charts = new ChartRow(fitPlot, lossChart);
    fitPlot.setPrefHeight(300);
    lossChart.setPrefHeight(300);
    weights.setId("poly-weights");
    weights.setHgap(14);
    weights.setVgap(2);
    Label summary = new Label();
    summary.setId("poly-summary");
    summary.setWrapText(true);
    summary.textProperty().bind(Bindings.createStringBinding(this::summary, model.outcomeProperty(), I18n.localeProperty()));
    root = Forms.page("generalization-polynomial", "generalization.poly.title", "generalization.poly.explain", settings,
        LabControls.errorLine(model.errorProperty()), charts, Forms.linesNote(), summary,
        Forms.heading("generalization.poly.weightsTitle"), weights);
    model.outcomeProperty().addListener((obs, old, now) -> show(now));
    I18n.onChange(root, () -> show(model.outcomeProperty().get()));
  }

  Parent root() {
    return root;
  }

  private void show(PolynomialExperiment.Outcome o) {
    weights.getChildren().clear();
    if (o == null) {
      return;
    }
    List<FitPlot.Curve> curves = new ArrayList<>();
    List<CurveChart.Line> lines = new ArrayList<>();
    for (int k = 0; k < o.fits().size(); k++) {
      PolynomialExperiment.Fit f = o.fits().get(k);
      Color c = Forms.COLOURS.get(k % Forms.COLOURS.size());
      curves.add(new FitPlot.Curve(I18n.get("generalization.poly.degree", f.degree()), c, f.curveX(), f.curveY(), false));
      double[] e = Forms.epochs(f.fit().epochsDone());
      lines.add(new CurveChart.Line(I18n.text("generalization.poly.trainLoss", f.degree()), c,
          Forms.series(e, f.fit().trainLoss()), true));
      lines.add(new CurveChart.Line(I18n.text("generalization.poly.testLoss", f.degree()), c,
          Forms.series(e, f.fit().testLoss()), false));
    }
    double[] xs = o.fits().isEmpty() ? new double[0] : o.fits().get(0).curveX();
    curves.add(new FitPlot.Curve(I18n.get("generalization.poly.truth"), Color.web("#2f9e44"), xs, o.trueCurveY(), true));
    fitPlot.show(o.trainX(), o.trainY(), o.testX(), o.testY(), curves);
    lossChart.setLines(lines);
    int rows = o.trueWeights().length;
    for (PolynomialExperiment.Fit f : o.fits()) {
      rows = Math.max(rows, f.degree() + 1);
    }
    weights.add(LabControls.label("generalization.poly.weightIndex"), 0, 0);
    weights.add(LabControls.label("generalization.poly.trueWeights"), 1, 0);
    for (int k = 0; k < o.fits().size(); k++) {
      Label head = new Label(I18n.get("generalization.poly.degree", o.fits().get(k).degree()));
      head.setTextFill(Forms.COLOURS.get(k % Forms.COLOURS.size()));
      weights.add(head, 2 + k, 0);
    }
    for (int i = 0; i < rows; i++) {
      weights.add(new Label("x^" + i + "/" + i + "!"), 0, i + 1);
      weights.add(new Label(String.format("%.3f", i < o.trueWeights().length ? o.trueWeights()[i] : 0.0)), 1, i + 1);
      for (int k = 0; k < o.fits().size(); k++) {
        double[] w = o.fits().get(k).fit().weights();
        weights.add(new Label(i < w.length ? String.format("%.3f", w[i]) : ""), 2 + k, i + 1);
      }
    }
  }

  private String summary() {
    PolynomialExperiment.Outcome o = model.outcomeProperty().get();
    if (o == null) {
      return I18n.get("generalization.poly.notRun");
    }
    StringBuilder b = new StringBuilder();
    for (PolynomialExperiment.Fit f : o.fits()) {
      b.append(I18n.get("generalization.poly.result", f.degree(), AxisTicks.formatValue(f.fit().finalTrainLoss()),
          AxisTicks.formatValue(f.fit().finalTestLoss()))).append('\n');
    }
    return b.toString().strip();
  }
}
