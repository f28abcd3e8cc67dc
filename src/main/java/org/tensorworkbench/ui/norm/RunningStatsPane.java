package org.tensorworkbench.ui.norm;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.tensorworkbench.engine.lab.norm.BatchSizeNoise;
import org.tensorworkbench.engine.lab.norm.BatchStatistics;
import org.tensorworkbench.engine.lab.norm.InferenceCheck;
import org.tensorworkbench.engine.lab.norm.RunningStatsTrace;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.tensors.LabControls;

/**
 * Training against inference: the batch mean and variance jump from batch to batch, the running
 * estimates follow them smoothly; a table shows how the scatter shrinks with the batch size; a
 * test batch is normalized with the running statistics (inference) and with its own (training).
 */
public final class RunningStatsPane {
  private final RunningStatsViewModel model;
  private final LineChart<Number, Number> meanChart = chart();
  private final LineChart<Number, Number> varianceChart = chart();
  private final GridPane noise = new GridPane();
  private final GridPane inference = new GridPane();
  private final ScrollPane root;

  public RunningStatsPane(RunningStatsViewModel model) {
    this.model = model;
    Button again = new Button();
    again.setId("running-again");
    again.textProperty().bind(I18n.text("norm.running.again"));
    again.setOnAction(e -> model.runAgain());
    FlowPane controls = new FlowPane(10, 6,
        field("norm.running.mean", "running-mean", model.trueMeanProperty()),
        field("norm.running.std", "running-std", model.trueStdProperty()),
        field("norm.running.batchSize", "running-batch", model.batchSizeProperty()),
        field("norm.running.batches", "running-count", model.batchesProperty()),
        field("norm.running.momentum", "running-momentum", model.momentumProperty()),
        again);
    meanChart.setId("running-mean-chart");
    noise.setHgap(16);
    noise.setVgap(3);
    noise.setId("running-noise");
    inference.setHgap(16);
    inference.setVgap(3);
    VBox content = new VBox(10, controls, LabControls.errorLine(model.errorProperty()),
        LabControls.label("norm.running.intro"),
        LabControls.section("norm.section.stream", new FlowPane(12, 12, meanChart, varianceChart)),
        LabControls.section("norm.section.noise", new VBox(6, LabControls.label("norm.noise.intro"), noise)),
        LabControls.section("norm.section.inference", new VBox(6, LabControls.label("norm.inference.intro"), inference)));
    content.setPadding(new Insets(12));
    root = new ScrollPane(content);
    root.setFitToWidth(true);
    model.resultProperty().addListener((obs, old, r) -> show(r));
    I18n.onChange(root, () -> show(model.resultProperty().get()));
  }

  public ScrollPane root() {
    return root;
  }

  private static HBox field(String key, String id, javafx.beans.property.StringProperty property) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefColumnCount(5);
    f.textProperty().bindBidirectional(property);
    HBox box = new HBox(6, LabControls.label(key), f);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  private static LineChart<Number, Number> chart() {
    NumberAxis x = new NumberAxis();
    NumberAxis y = new NumberAxis();
    y.setForceZeroInRange(false);
    LineChart<Number, Number> c = new LineChart<>(x, y);
    c.setCreateSymbols(false);
    c.setAnimated(false);
    c.setPrefSize(460, 280);
    return c;
  }

  private void show(RunningStatsResult r) {
    meanChart.getData().clear();
    varianceChart.getData().clear();
    noise.getChildren().clear();
    inference.getChildren().clear();
    if (r == null) {
      return;
    }
    RunningStatsTrace t = r.trace();
    meanChart.setTitle(I18n.get("norm.chart.mean"));
    varianceChart.setTitle(I18n.get("norm.chart.variance"));
    meanChart.getXAxis().setLabel(I18n.get("norm.chart.batch"));
    varianceChart.getXAxis().setLabel(I18n.get("norm.chart.batch"));
    meanChart.getData().setAll(
        series(I18n.get("norm.chart.batchMean"), t, BatchStatistics::mean),
        series(I18n.get("norm.chart.runningMean"), t, BatchStatistics::runningMean),
        series(I18n.get("norm.chart.trueMean"), t, b -> t.trueMean()));
    varianceChart.getData().setAll(
        series(I18n.get("norm.chart.batchVariance"), t, BatchStatistics::unbiasedVariance),
        series(I18n.get("norm.chart.runningVariance"), t, BatchStatistics::runningVariance),
        series(I18n.get("norm.chart.trueVariance"), t, b -> t.trueStd() * t.trueStd()));
    noise.addRow(0, bold("norm.noise.size"), bold("norm.noise.meanSpread"), bold("norm.noise.expected"),
        bold("norm.noise.averageVariance"), bold("norm.noise.varianceSpread"));
    int row = 1;
    for (BatchSizeNoise n : r.noise()) {
      noise.addRow(row++, mono(Integer.toString(n.batchSize())), mono(fmt(n.meanSpread())),
          mono(fmt(n.expectedMeanSpread())), mono(fmt(n.averageVariance())), mono(fmt(n.varianceSpread())));
    }
    BatchStatistics last = t.last();
    inference.add(new Label(I18n.get("norm.inference.running", fmt(last.runningMean()), fmt(last.runningVariance()))),
        0, 0, 4, 1);
    InferenceCheck c = r.inference();
    inference.addRow(1, bold("norm.inference.x"), bold("norm.inference.eval"), bold("norm.inference.train"));
    for (int i = 0; i < c.inputs().length; i++) {
      inference.addRow(i + 2, mono(fmt(c.inputs()[i])), mono(fmt(c.withRunningStats()[i])), mono(fmt(c.withBatchStats()[i])));
    }
  }

  private static XYChart.Series<Number, Number> series(String name, RunningStatsTrace t,
      java.util.function.ToDoubleFunction<BatchStatistics> value) {
    XYChart.Series<Number, Number> s = new XYChart.Series<>();
    s.setName(name);
    for (BatchStatistics b : t.batches()) {
      s.getData().add(new XYChart.Data<>(b.batch(), value.applyAsDouble(b)));
    }
    return s;
  }

  private static Label bold(String key) {
    Label l = new Label(I18n.get(key));
    l.setStyle("-fx-font-weight: bold;");
    l.setWrapText(true);
    return l;
  }

  private static Label mono(String text) {
    Label l = new Label(text);
    l.setStyle("-fx-font-family: 'Monospaced';");
    return l;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
