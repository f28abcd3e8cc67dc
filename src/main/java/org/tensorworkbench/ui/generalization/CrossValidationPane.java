package org.tensorworkbench.ui.generalization;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import java.util.Locale;
import javafx.scene.control.ChoiceBox;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.tensorworkbench.engine.lab.generalization.HousingCrossValidation;
import org.tensorworkbench.engine.lab.generalization.HousingModel;
import org.tensorworkbench.ui.common.FrameDrain;
import org.tensorworkbench.ui.common.UiText;
import org.tensorworkbench.ui.generalization.CrossValidationViewModel.ModelKind;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.generalization.CrossValidationViewModel.Candidate;
import org.tensorworkbench.ui.tensors.LabControls;
import org.tensorworkbench.ui.training.AxisTicks;
import org.tensorworkbench.ui.training.CurveChart;
import org.tensorworkbench.ui.training.DecimatedSeries;

/**
 * Validation and K-fold (d2l 5.7) on the housing data: a log-RMSE curve per fold, the mean and
 * spread, the candidates tried, retraining the best on all data, and early stopping with the
 * chosen epoch marked.
 */
final class CrossValidationPane {
  private final CrossValidationViewModel model;
  private final CurveChart foldChart = new CurveChart(I18n.text("generalization.kfold.foldChart"),
      I18n.text("generalization.axis.epoch"));
  private final CurveChart earlyChart = new CurveChart(I18n.text("generalization.kfold.earlyChart"),
      I18n.text("generalization.axis.epoch"));
  private final Parent root;

  CrossValidationPane(CrossValidationViewModel model) {
    this.model = model;
    Button run = Forms.button("generalization.kfold.run", "kfold-run", model::crossValidate);
    run.getStyleClass().add("accent");
    Button retrain = Forms.button("generalization.kfold.retrain", "kfold-retrain", model::retrainBest);
    Button early = Forms.button("generalization.kfold.early", "kfold-early", model::earlyStopping);
    for (Button b : List.of(run, retrain, early)) {
      b.disableProperty().bind(model.busyProperty());
    }
    ChoiceBox<ModelKind> kind = LabControls.choices(ModelKind.values(),
        k -> "generalization.kfold.model." + k.name().toLowerCase(Locale.ROOT));
    kind.setId("kfold-model");
    kind.valueProperty().bindBidirectional(model.modelKindProperty());
    HBox width = Forms.field("generalization.kfold.width", "kfold-width", model.widthProperty(), 4);
    width.visibleProperty().bind(model.modelKindProperty().isEqualTo(ModelKind.MLP));
    width.managedProperty().bind(width.visibleProperty());
    Button stop = Forms.button("generalization.stop", "kfold-stop", model::stop);
    stop.disableProperty().bind(model.busyProperty().not());
    Label progress = new Label();
    progress.setId("kfold-progress");
    progress.setMinWidth(Region.USE_PREF_SIZE);
    progress.textProperty().bind(Bindings.createStringBinding(() -> {
      UiText t = model.foldsDoneProperty().get();
      return t == null ? "" : t.get();
    }, model.foldsDoneProperty(), I18n.localeProperty()));
    FlowPane settings = new FlowPane(10, 6, LabControls.label("generalization.kfold.model"), kind, width,
        Forms.field("generalization.kfold.folds", "kfold-folds", model.foldsProperty(), 3),
        Forms.field("generalization.epochs", "kfold-epochs", model.epochsProperty(), 4),
        Forms.field("generalization.kfold.lr", "kfold-lr", model.learningRateProperty(), 4),
        Forms.field("generalization.kfold.lambda", "kfold-lambda", model.lambdaProperty(), 4),
        Forms.field("generalization.kfold.batch", "kfold-batch", model.batchSizeProperty(), 4),
        Forms.field("generalization.seed", "kfold-seed", model.seedProperty(), 4), run, stop, progress,
        Forms.field("generalization.kfold.patience", "kfold-patience", model.patienceProperty(), 3), early);
    settings.setAlignment(Pos.CENTER_LEFT);
    Label summary = new Label();
    summary.setId("kfold-summary");
    summary.setWrapText(true);
    summary.textProperty().bind(Bindings.createStringBinding(() -> {
      HousingCrossValidation.Outcome o = model.outcomeProperty().get();
      return o == null ? "" : I18n.get("generalization.kfold.summary", o.folds().size(), fmt(o.meanValid()),
          fmt(o.spreadValid()), fmt(o.meanTrain()));
    }, model.outcomeProperty(), I18n.localeProperty()));
    Label retrained = new Label();
    retrained.setId("kfold-retrained");
    retrained.setWrapText(true);
    retrained.textProperty().bind(Bindings.createStringBinding(() -> {
      double[] curve = model.retrainedProperty().get();
      return curve == null ? "" : I18n.get("generalization.kfold.retrained", fmt(curve[curve.length - 1]), curve.length);
    }, model.retrainedProperty(), I18n.localeProperty()));
    Label chosen = new Label();
    chosen.setId("kfold-chosen");
    chosen.textProperty().bind(Bindings.createStringBinding(() -> {
      HousingCrossValidation.EarlyStopping e = model.earlyStoppingProperty().get();
      return e == null ? "" : I18n.get("generalization.kfold.chosen", e.chosenEpoch(), e.validLogRmse().length,
          fmt(e.validLogRmse()[e.chosenEpoch() - 1]));
    }, model.earlyStoppingProperty(), I18n.localeProperty()));
    for (CurveChart c : List.of(foldChart, earlyChart)) {
      c.setPrefHeight(280);
      c.logScaleProperty().set(true);
      c.setIntegerX(true);
    }
    foldChart.setId("kfold-chart");
    earlyChart.setId("kfold-early-chart");
    ChartRow charts = new ChartRow(foldChart, earlyChart);
    root = Forms.page("generalization-kfold", "generalization.kfold.title", "generalization.kfold.explain", settings,
        LabControls.errorLine(model.errorProperty()), charts, Forms.linesNote(), summary, chosen,
        Forms.heading("generalization.kfold.candidates"), table(), retrain, retrained);
    model.outcomeProperty().addListener((obs, old, now) -> showFolds(now));
    model.earlyStoppingProperty().addListener((obs, old, now) -> showEarly(now));
    FrameDrain.whileBusy(model.busyProperty(), model::drain);
  }

  Parent root() {
    return root;
  }

  private TableView<Candidate> table() {
    TableView<Candidate> table = new TableView<>(model.candidates());
    table.setId("kfold-candidates");
    table.setPrefHeight(170);
    table.setPlaceholder(LabControls.label("generalization.kfold.noCandidates"));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().add(column("generalization.kfold.col.model", c -> c.settings().model()
        instanceof HousingModel.Network n ? I18n.get("generalization.kfold.model.mlpWidth", n.label().substring(4))
        : I18n.get("generalization.kfold.model.linear")));
    table.getColumns().add(column("generalization.kfold.col.settings", c -> I18n.get("generalization.kfold.settings",
        c.settings().folds(), c.settings().epochs(), AxisTicks.format(c.settings().learningRate()),
        AxisTicks.format(c.settings().lambda()), c.settings().batchSize())));
    table.getColumns().add(column("generalization.kfold.col.valid", c -> fmt(c.meanValid()) + " ± " + fmt(c.spreadValid())));
    table.getColumns().add(column("generalization.kfold.col.train", c -> fmt(c.meanTrain())));
    return table;
  }

  private static TableColumn<Candidate, String> column(String key, java.util.function.Function<Candidate, String> text) {
    TableColumn<Candidate, String> col = new TableColumn<>();
    col.textProperty().bind(I18n.text(key));
    col.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    col.setSortable(false);
    return col;
  }

  private void showFolds(HousingCrossValidation.Outcome o) {
    List<CurveChart.Line> lines = new ArrayList<>();
    if (o != null) {
      for (HousingCrossValidation.Fold f : o.folds()) {
        Color c = Forms.COLOURS.get(f.fold() % Forms.COLOURS.size());
        double[] e = Forms.epochs(f.validLogRmse().length);
        lines.add(new CurveChart.Line(I18n.text("generalization.kfold.fold", f.fold() + 1), c,
            Forms.series(e, f.validLogRmse()), false));
        lines.add(new CurveChart.Line(I18n.text("generalization.kfold.foldTrain", f.fold() + 1), c,
            Forms.series(e, f.trainLogRmse()), true));
      }
    }
    foldChart.setLines(lines);
  }

  private void showEarly(HousingCrossValidation.EarlyStopping e) {
    if (e == null) {
      earlyChart.setLines(List.of());
      return;
    }
    double[] epochs = Forms.epochs(e.validLogRmse().length);
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (double[] curve : List.of(e.trainLogRmse(), e.validLogRmse())) {
      for (double v : curve) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    DecimatedSeries marker = new DecimatedSeries(8);
    marker.add(e.chosenEpoch(), lo);
    marker.add(e.chosenEpoch(), hi);
    earlyChart.setLines(List.of(
        new CurveChart.Line(I18n.text("generalization.kfold.earlyTrain"), Color.web("#4e79a7"),
            Forms.series(epochs, e.trainLogRmse()), false),
        new CurveChart.Line(I18n.text("generalization.kfold.earlyValid"), Color.web("#e15759"),
            Forms.series(epochs, e.validLogRmse()), false),
        new CurveChart.Line(I18n.text("generalization.kfold.earlyChosen", e.chosenEpoch()), Color.web("#2f9e44"),
            marker, false)));
  }

  private static String fmt(double v) {
    return String.format("%.4f", v);
  }
}
