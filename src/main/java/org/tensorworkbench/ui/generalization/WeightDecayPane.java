package org.tensorworkbench.ui.generalization;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import org.tensorworkbench.engine.lab.generalization.LinearFit;
import org.tensorworkbench.engine.lab.generalization.WeightDecayExperiment;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.tensors.LabControls;
import org.tensorworkbench.ui.training.AxisTicks;
import org.tensorworkbench.ui.training.CurveChart;
import org.tensorworkbench.ui.training.DecimatedSeries;

/** Weight decay (d2l 3.7): train and test loss and ||w||^2 per epoch for several λ, and test loss against λ. */
final class WeightDecayPane {
  private final CurveChart lossChart = new CurveChart(I18n.text("generalization.decay.lossChart"),
      I18n.text("generalization.axis.epoch"));
  private final CurveChart normChart = new CurveChart(I18n.text("generalization.decay.normChart"),
      I18n.text("generalization.axis.epoch"));
  private final CurveChart lambdaChart = new CurveChart(I18n.text("generalization.decay.lambdaChart"),
      I18n.text("generalization.decay.lambdaAxis"));
  private final Parent root;

  WeightDecayPane(WeightDecayViewModel model) {
    ChoiceBox<LinearFit.Decay> decay = LabControls.choices(LinearFit.Decay.values(),
        d -> "generalization.decay.kind." + d.name().toLowerCase());
    decay.setId("decay-kind");
    decay.valueProperty().bindBidirectional(model.decayProperty());
    ChoiceBox<LinearFit.Method> method = LabControls.choices(LinearFit.Method.values(),
        m -> "generalization.decay.method." + m.name().toLowerCase());
    method.setId("decay-method");
    method.valueProperty().bindBidirectional(model.methodProperty());
    Button run = Forms.button("generalization.run", "decay-run", model::run);
    run.getStyleClass().add("accent");
    run.disableProperty().bind(model.busyProperty());
    FlowPane settings = new FlowPane(10, 6,
        Forms.field("generalization.decay.lambdas", "decay-lambdas", model.lambdasProperty(), 10), decay, method,
        Forms.field("generalization.epochs", "decay-epochs", model.epochsProperty(), 4),
        Forms.field("generalization.lr", "decay-lr", model.learningRateProperty(), 5),
        Forms.field("generalization.seed", "decay-seed", model.seedProperty(), 4), run);
    settings.setAlignment(Pos.CENTER_LEFT);
    for (CurveChart c : List.of(lossChart, normChart, lambdaChart)) {
      c.setPrefHeight(c == lambdaChart ? 220 : 280);
      c.logScaleProperty().set(true);
    }
    lossChart.setId("decay-loss");
    normChart.setId("decay-norm");
    lambdaChart.setId("decay-lambda");
    ChartRow top = new ChartRow(lossChart, normChart);
    var differ = LabControls.label("generalization.decay.differ");
    differ.setStyle("-fx-text-fill: #3d4b5c;");
    root = Forms.page("generalization-weight-decay", "generalization.decay.title", "generalization.decay.explain",
        settings, LabControls.errorLine(model.errorProperty()), top, Forms.linesNote(), lambdaChart, differ);
    model.runsProperty().addListener((obs, old, now) -> show(now));
  }

  Parent root() {
    return root;
  }

  private void show(List<WeightDecayExperiment.Run> runs) {
    List<CurveChart.Line> losses = new ArrayList<>();
    List<CurveChart.Line> norms = new ArrayList<>();
    DecimatedSeries testVsLambda = new DecimatedSeries(64);
    DecimatedSeries trainVsLambda = new DecimatedSeries(64);
    List<WeightDecayExperiment.Run> byLambda = new ArrayList<>(runs);
    byLambda.sort(java.util.Comparator.comparingDouble(WeightDecayExperiment.Run::lambda));
    for (int k = 0; k < runs.size(); k++) {
      WeightDecayExperiment.Run r = runs.get(k);
      Color c = Forms.COLOURS.get(k % Forms.COLOURS.size());
      String lambda = AxisTicks.format(r.lambda());
      double[] e = Forms.epochs(r.fit().epochsDone());
      losses.add(new CurveChart.Line(I18n.text("generalization.decay.train", lambda), c,
          Forms.series(e, r.fit().trainLoss()), true));
      losses.add(new CurveChart.Line(I18n.text("generalization.decay.test", lambda), c,
          Forms.series(e, r.fit().testLoss()), false));
      norms.add(new CurveChart.Line(I18n.text("generalization.decay.norm", lambda), c,
          Forms.series(e, r.fit().weightNormSquared()), false));
    }
    for (WeightDecayExperiment.Run r : byLambda) {
      testVsLambda.add(r.lambda(), r.fit().finalTestLoss());
      trainVsLambda.add(r.lambda(), r.fit().finalTrainLoss());
    }
    lossChart.setLines(losses);
    normChart.setLines(norms);
    lambdaChart.setLines(List.of(
        new CurveChart.Line(I18n.text("generalization.sweep.train"), Color.web("#4e79a7"), trainVsLambda, false),
        new CurveChart.Line(I18n.text("generalization.sweep.test"), Color.web("#e15759"), testVsLambda, false)));
  }
}
