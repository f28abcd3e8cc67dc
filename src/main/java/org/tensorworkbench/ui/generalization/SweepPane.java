package org.tensorworkbench.ui.generalization;

import org.tensorworkbench.ui.common.FrameDrain;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import org.tensorworkbench.engine.lab.generalization.Sweep;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.tensors.LabControls;
import org.tensorworkbench.ui.training.CurveChart;
import org.tensorworkbench.ui.training.DecimatedSeries;

/** The U-curve: a sweep's final train and test loss per value, each point drawn as it finishes. */
final class SweepPane {
  private final SweepViewModel model;
  private final CurveChart chart = new CurveChart(I18n.text("generalization.sweep.chart"),
      I18n.text("generalization.sweep.axis"));
  private final DecimatedSeries train = new DecimatedSeries(128);
  private final DecimatedSeries test = new DecimatedSeries(128);
  private final Parent root;

  SweepPane(SweepViewModel model) {
    this.model = model;
    ChoiceBox<Sweep.Kind> kind = LabControls.choices(Sweep.Kind.values(),
        k -> "generalization.sweep.kind." + k.id());
    kind.setId("sweep-kind");
    kind.valueProperty().bindBidirectional(model.kindProperty());
    Button start = Forms.button("generalization.start", "sweep-start", model::start);
    start.getStyleClass().add("accent");
    start.disableProperty().bind(model.busyProperty());
    Button stop = Forms.button("generalization.stop", "sweep-stop", model::stop);
    stop.disableProperty().bind(model.busyProperty().not());
    ProgressBar progress = new ProgressBar();
    progress.setId("sweep-progress");
    progress.progressProperty().bind(model.progressProperty());
    FlowPane settings = new FlowPane(10, 6, kind,
        Forms.field("generalization.sweep.values", "sweep-values", model.valuesProperty(), 14),
        Forms.field("generalization.sweep.degree", "sweep-degree", model.degreeProperty(), 3),
        Forms.field("generalization.sweep.points", "sweep-points", model.trainPointsProperty(), 4),
        Forms.field("generalization.epochs", "sweep-epochs", model.epochsProperty(), 4),
        Forms.field("generalization.seed", "sweep-seed", model.seedProperty(), 4), start, stop, progress);
    settings.setAlignment(Pos.CENTER_LEFT);
    chart.setId("sweep-chart");
    chart.setPrefHeight(360);
    chart.logScaleProperty().set(true);
    chart.setLines(List.of(
        new CurveChart.Line(I18n.text("generalization.sweep.train"), Color.web("#4e79a7"), train, false),
        new CurveChart.Line(I18n.text("generalization.sweep.test"), Color.web("#e15759"), test, false)));
    model.points().addListener((ListChangeListener<Sweep.Point>) change -> {
      train.clear();
      test.clear();
      for (Sweep.Point p : model.points()) {
        train.add(p.value(), p.trainLoss());
        test.add(p.value(), p.testLoss());
      }
      chart.resetZoom();
    });
    root = Forms.page("generalization-ucurve", "generalization.sweep.title", "generalization.sweep.explain", settings,
        LabControls.errorLine(model.errorProperty()), chart);
    FrameDrain.whileBusy(model.busyProperty(), model::drain);
  }

  Parent root() {
    return root;
  }
}
