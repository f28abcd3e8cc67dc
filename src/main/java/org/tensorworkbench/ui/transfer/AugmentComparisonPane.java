package org.tensorworkbench.ui.transfer;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.tensorworkbench.engine.augment.AugmentComparison.Variant;
import org.tensorworkbench.ui.common.FrameDrain;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.UiText;
import org.tensorworkbench.ui.training.CurveChart;
import org.tensorworkbench.ui.training.DecimatedSeries;

/**
 * The comparison run: settings, Compare and Stop, then one accuracy chart per run side by side
 * (training accuracy solid, test accuracy faint) with the last epoch's numbers and train−test gap
 * under each.
 */
final class AugmentComparisonPane {
  private static final Color TRAIN = Color.web("#2f6fdf");
  private static final Color TEST = Color.web("#e8710a");

  private final AugmentComparisonViewModel vm;
  private final VBox root = new VBox(8);
  private final Map<Variant, CurveChart> charts = new EnumMap<>(Variant.class);

  AugmentComparisonPane(AugmentComparisonViewModel vm) {
    this.vm = vm;
    root.setId("augment-comparison");
    Label heading = new Label();
    heading.textProperty().bind(I18n.text("transfer.augment.compare.title"));
    heading.getStyleClass().add("lab-heading");
    heading.setWrapText(true);
    heading.setMinHeight(Label.USE_PREF_SIZE);
    Label explain = new Label();
    explain.textProperty().bind(I18n.text("transfer.augment.compare.explain"));
    explain.setWrapText(true);
    explain.getStyleClass().add("lab-note");
    explain.setMinHeight(Label.USE_PREF_SIZE);
    ComboBox<String> network = new ComboBox<>();
    network.getItems().setAll(AugmentComparisonViewModel.NETWORKS);
    network.valueProperty().bindBidirectional(vm.networkProperty());
    network.setId("augment-compare-network");
    Button start = new Button();
    start.setId("augment-compare-start");
    start.textProperty().bind(I18n.text("transfer.augment.compare.start"));
    start.getStyleClass().add("accent");
    start.disableProperty().bind(vm.busyProperty());
    start.setOnAction(e -> vm.start());
    start.setMinWidth(Button.USE_PREF_SIZE);
    Button stop = new Button();
    stop.setId("augment-compare-stop");
    stop.textProperty().bind(I18n.text("transfer.augment.compare.stop"));
    stop.disableProperty().bind(vm.busyProperty().not());
    stop.setOnAction(e -> vm.stop());
    stop.setMinWidth(Button.USE_PREF_SIZE);
    Label phase = new Label();
    phase.setId("augment-compare-phase");
    phase.textProperty().bind(Bindings.createStringBinding(() -> I18n.get("transfer.augment.compare.phase."
        + vm.phaseProperty().get().name().toLowerCase(Locale.ROOT)), vm.phaseProperty(), I18n.localeProperty()));
    FlowPane settings = new FlowPane(10, 6, labelled("transfer.augment.compare.network", network),
        field("transfer.augment.compare.images", "augment-compare-images", vm.trainImagesProperty(), 5),
        field("transfer.augment.compare.epochs", "augment-compare-epochs", vm.epochsProperty(), 3),
        field("transfer.augment.compare.batch", "augment-compare-batch", vm.batchSizeProperty(), 4),
        field("transfer.augment.compare.seed", "augment-compare-seed", vm.seedProperty(), 4), start, stop, phase);
    settings.setAlignment(Pos.CENTER_LEFT);
    Label error = new Label();
    error.setId("augment-compare-error");
    error.setWrapText(true);
    error.getStyleClass().add("lab-error");
    error.textProperty().bind(Bindings.createStringBinding(() -> {
      UiText t = vm.errorProperty().get();
      return t == null ? "" : t.get();
    }, vm.errorProperty(), I18n.localeProperty()));
    error.visibleProperty().bind(vm.errorProperty().isNotNull());
    error.managedProperty().bind(error.visibleProperty());
    HBox side = new HBox(12);
    for (Variant v : Variant.values()) {
      VBox column = column(v);
      HBox.setHgrow(column, Priority.ALWAYS);
      side.getChildren().add(column);
    }
    root.getChildren().addAll(heading, explain, settings, error, side);
    FrameDrain.whileBusy(vm.busyProperty(), vm::drain);
  }

  Parent root() {
    return root;
  }

  /** The chart of one run, for tests. */
  CurveChart chart(Variant v) {
    return charts.get(v);
  }

  private VBox column(Variant v) {
    String id = v.name().toLowerCase(Locale.ROOT);
    CurveChart chart = new CurveChart(I18n.text("transfer.augment.compare.chart." + id),
        I18n.text("transfer.augment.compare.axisEpoch"));
    chart.setId("augment-compare-chart-" + id);
    chart.setUnitRange(true);
    chart.setIntegerX(true);
    chart.setPrefSize(300, 220);
    chart.setMinHeight(180);
    DecimatedSeries train = new DecimatedSeries(1_000);
    DecimatedSeries test = new DecimatedSeries(1_000);
    chart.setLines(List.of(new CurveChart.Line(I18n.text("transfer.augment.compare.train"), TRAIN, train, false),
        new CurveChart.Line(I18n.text("transfer.augment.compare.test"), TEST, test, false)));
    charts.put(v, chart);
    vm.points(v).addListener((ListChangeListener<AugmentComparisonViewModel.Point>) c -> {
      while (c.next()) {
        if (c.wasRemoved() && vm.points(v).isEmpty()) {
          train.clear();
          test.clear();
        }
        for (AugmentComparisonViewModel.Point p : c.getAddedSubList()) {
          train.add(p.epoch(), p.train());
          test.add(p.epoch(), p.test());
        }
      }
      chart.redraw();
    });
    Label result = new Label();
    result.setId("augment-compare-result-" + id);
    result.setWrapText(true);
    result.setMinHeight(Label.USE_PREF_SIZE);
    result.getStyleClass().add("augment-result");
    result.textProperty().bind(Bindings.createStringBinding(() -> {
      List<AugmentComparisonViewModel.Point> points = vm.points(v);
      if (points.isEmpty()) {
        return "";
      }
      AugmentComparisonViewModel.Point last = points.get(points.size() - 1);
      return I18n.get("transfer.augment.compare.result", last.epoch(), 100 * last.train(), 100 * last.test(),
          100 * last.gap());
    }, vm.points(v), I18n.localeProperty()));
    return new VBox(4, chart, result);
  }

  private static HBox labelled(String key, javafx.scene.Node control) {
    Label label = new Label();
    label.textProperty().bind(I18n.text(key));
    label.setMinWidth(Label.USE_PREF_SIZE);
    HBox box = new HBox(6, label, control);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  private static HBox field(String key, String id, StringProperty property, int columns) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefColumnCount(columns);
    f.textProperty().bindBidirectional(property);
    return labelled(key, f);
  }
}
