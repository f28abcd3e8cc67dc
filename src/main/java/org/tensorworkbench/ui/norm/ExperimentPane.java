package org.tensorworkbench.ui.norm;

import org.tensorworkbench.ui.common.FrameDrain;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tensorworkbench.engine.lab.norm.NormalizationExperiment;
import org.tensorworkbench.engine.lab.norm.NormalizationExperiment.Variant;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.norm.ExperimentViewModel.CurvePoint;
import org.tensorworkbench.ui.norm.ExperimentViewModel.Curves;
import org.tensorworkbench.ui.tensors.LabControls;

/**
 * The LeNet against LeNet-BN experiment: settings, Start and Stop, one chart with both networks'
 * loss per minibatch and accuracy per epoch in d2l's style, and a line of final numbers per
 * network. The chart is fed from the view model once per frame while a run is under way.
 */
final class ExperimentPane {
  private static final String[] NAMES = {"LeNet", "LeNet-BN"};

  private final ExperimentViewModel model;
  private final VBox root = new VBox(10);

  ExperimentPane(ExperimentViewModel model) {
    this.model = model;
    root.setId("norm-experiment");
    root.setPadding(new Insets(12));
    root.getStylesheets().add(ExperimentPane.class.getResource("/org/tensorworkbench/css/norm.css").toExternalForm());
    Label title = LabControls.heading("norm.experiment.title");
    Label explain = LabControls.label("norm.experiment.explain");
    explain.setId("norm-experiment-explain");
    Label note = LabControls.label("norm.experiment.settingsNote", NormalizationExperiment.Settings.defaults().testImages());
    note.getStyleClass().add("lab-note");
    for (Label text : new Label[] {explain, note}) {
      text.setMinHeight(Region.USE_PREF_SIZE); // the chart gives way, never the explanation
    }
    Button start = new Button();
    start.setId("norm-experiment-start");
    start.textProperty().bind(I18n.text("norm.experiment.start"));
    start.getStyleClass().add("accent");
    start.disableProperty().bind(model.busyProperty());
    start.setOnAction(e -> model.start());
    Button stop = new Button();
    stop.setId("norm-experiment-stop");
    stop.textProperty().bind(I18n.text("norm.experiment.stop"));
    stop.disableProperty().bind(model.busyProperty().not());
    stop.setOnAction(e -> model.stop());
    Label phase = new Label();
    phase.setId("norm-experiment-phase");
    phase.textProperty().bind(Bindings.createStringBinding(
        () -> Messages.get("norm.experiment.phase." + model.phaseProperty().get().name().toLowerCase(Locale.ROOT)),
        model.phaseProperty(), I18n.localeProperty()));
    FlowPane settings = new FlowPane(10, 6,
        field("norm.experiment.images", "norm-experiment-images", model.trainImagesProperty(), 6),
        field("norm.experiment.epochs", "norm-experiment-epochs", model.epochsProperty(), 3),
        field("norm.experiment.batch", "norm-experiment-batch", model.batchSizeProperty(), 4),
        field("norm.experiment.rate", "norm-experiment-rate", model.learningRateProperty(), 4),
        field("norm.experiment.seed", "norm-experiment-seed", model.seedProperty(), 4),
        start, stop, phase);
    settings.setAlignment(Pos.CENTER_LEFT);
    LineChart<Number, Number> chart = chart();
    VBox.setVgrow(chart, Priority.ALWAYS);
    VBox results = new VBox(2);
    for (Variant v : Variant.values()) {
      results.getChildren().add(resultLine(v));
    }
    root.getChildren().addAll(title, explain, settings, note, LabControls.errorLine(model.errorProperty()), chart, results);
    FrameDrain.whileBusy(model.busyProperty(), model::drain);
  }

  Parent root() {
    return root;
  }

  private LineChart<Number, Number> chart() {
    NumberAxis x = new NumberAxis();
    x.labelProperty().bind(I18n.text("norm.experiment.axisEpoch"));
    x.setAutoRanging(false);
    x.setLowerBound(0);
    x.setTickUnit(1);
    x.upperBoundProperty().bind(Bindings.createDoubleBinding(() -> (double) Math.max(1, epochsTyped()), model.epochsProperty()));
    NumberAxis y = new NumberAxis();
    y.labelProperty().bind(I18n.text("norm.experiment.axisValue"));
    y.setForceZeroInRange(true);
    LineChart<Number, Number> chart = new LineChart<>(x, y);
    chart.setId("norm-experiment-chart");
    chart.setAnimated(false);
    chart.setCreateSymbols(false);
    chart.setMinHeight(260);
    // the order fixes the colours of norm.css: LeNet blue, LeNet-BN orange; loss, train acc, test acc
    for (String kind : List.of("loss", "trainAcc", "testAcc")) {
      for (Variant v : Variant.values()) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.nameProperty().bind(I18n.text("norm.experiment.series." + kind, NAMES[v.ordinal()]));
        chart.getData().add(series);
        Curves c = model.curves(v);
        follow(kind.equals("loss") ? c.loss() : kind.equals("trainAcc") ? c.trainAccuracy() : c.testAccuracy(), series);
      }
    }
    return chart;
  }

  /** Mirrors a curve of the view model into a chart series. */
  private static void follow(ObservableList<CurvePoint> points, XYChart.Series<Number, Number> series) {
    points.addListener((ListChangeListener<CurvePoint>) change -> {
      while (change.next()) {
        if (change.wasRemoved() && points.isEmpty()) {
          series.getData().clear();
        }
        if (change.wasAdded()) {
          List<XYChart.Data<Number, Number>> added = change.getAddedSubList().stream()
              .map(p -> new XYChart.Data<Number, Number>(p.epoch(), p.value())).toList();
          series.getData().addAll(added);
        }
      }
    });
  }

  private Label resultLine(Variant v) {
    Label line = new Label();
    line.setId("norm-experiment-result-" + v.template());
    Curves c = model.curves(v);
    line.textProperty().bind(Bindings.createStringBinding(() -> {
      if (c.testAccuracy().isEmpty()) {
        return "";
      }
      int last = c.testAccuracy().size() - 1;
      double loss = c.loss().isEmpty() ? Double.NaN : c.loss().get(c.loss().size() - 1).value();
      return Messages.get("norm.experiment.result", NAMES[v.ordinal()], loss, c.trainAccuracy().get(last).value(),
          c.testAccuracy().get(last).value(), last + 1);
    }, c.testAccuracy(), I18n.localeProperty(), model.phaseProperty()));
    return line;
  }

  private int epochsTyped() {
    try {
      return Integer.parseInt(model.epochsProperty().get().strip());
    } catch (NumberFormatException | NullPointerException e) {
      return 1;
    }
  }

  private static HBox field(String key, String id, StringProperty property, int columns) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefColumnCount(columns);
    f.textProperty().bindBidirectional(property);
    HBox box = new HBox(6, LabControls.label(key), f);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }
}
