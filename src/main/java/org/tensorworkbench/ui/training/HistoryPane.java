package org.tensorworkbench.ui.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.SetChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.tensorworkbench.engine.train.RecordedRun;
import org.tensorworkbench.ui.common.I18n;

/**
 * The run history tab: every kept run with its result; ticked runs have their loss curves and
 * test accuracy overlaid; the selected run's metrics export as CSV, the charts as PNG, and its
 * model reopens.
 */
final class HistoryPane {
  static final List<Color> PALETTE = List.of(Color.web("#2563a8"), Color.web("#d9480f"), Color.web("#2f9e44"),
      Color.web("#9c36b5"), Color.web("#e8590c"), Color.web("#0c8599"), Color.web("#c2255c"), Color.web("#5c940d"));

  private final RunHistoryViewModel vm;
  private final ListView<RecordedRun> list;
  private final CurveChart lossChart = new CurveChart(I18n.text("training.history.lossChart"),
      I18n.text("training.axis.iteration"));
  private final CurveChart accuracyChart = new CurveChart(I18n.text("training.history.accuracyChart"),
      I18n.text("training.axis.epoch"));
  private final VBox charts = new VBox(8);
  private final SplitPane root;

  interface Actions {
    void exportMetrics(RecordedRun run);

    void exportChart(Node chart, String name);

    void openModel(Path model);
  }

  HistoryPane(RunHistoryViewModel vm, Actions actions) {
    this.vm = vm;
    list = new ListView<>(vm.runs());
    list.setId("training-history");
    list.setCellFactory(l -> new RunCell());
    I18n.onChange(list, () -> list.refresh());
    lossChart.logScaleProperty().set(true);
    accuracyChart.setUnitRange(true);
    accuracyChart.setIntegerX(true);
    vm.overlaid().addListener((SetChangeListener<Path>) c -> overlay());
    vm.runs().addListener((javafx.collections.ListChangeListener<RecordedRun>) c -> overlay());

    Button refresh = button("training.history.refresh", e -> vm.refresh());
    Button exportCsv = button("training.history.exportCsv", e -> actions.exportMetrics(selected()));
    Button exportPng = button("training.history.exportPng", e -> actions.exportChart(charts, "runs"));
    Button open = button("training.history.openModel", e -> actions.openModel(selected().model()));
    exportCsv.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
    open.disableProperty().bind(Bindings.createBooleanBinding(
        () -> selected() == null || selected().model() == null, list.getSelectionModel().selectedItemProperty()));
    exportPng.setId("training-history-png");
    exportCsv.setId("training-history-csv");
    Label hint = new Label();
    hint.textProperty().bind(I18n.text("training.history.hint"));
    hint.setWrapText(true);
    hint.getStyleClass().add("field-note");
    VBox left = new VBox(8, hint, list, new HBox(6, refresh, exportCsv, open));
    VBox.setVgrow(list, Priority.ALWAYS);
    left.getStyleClass().add("history-list");
    charts.getChildren().addAll(lossChart, accuracyChart);
    charts.setId("training-history-charts");
    VBox.setVgrow(lossChart, Priority.ALWAYS);
    VBox.setVgrow(accuracyChart, Priority.ALWAYS);
    VBox right = new VBox(8, new HBox(6, exportPng), charts);
    VBox.setVgrow(charts, Priority.ALWAYS);
    root = new SplitPane(left, right);
    root.setDividerPositions(0.42);
  }

  private RecordedRun selected() {
    return list.getSelectionModel().getSelectedItem();
  }

  private static Button button(String key, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
    Button b = new Button();
    b.textProperty().bind(I18n.text(key));
    b.setOnAction(action);
    return b;
  }

  SplitPane node() {
    return root;
  }

  private void overlay() {
    List<CurveChart.Line> losses = new ArrayList<>();
    List<CurveChart.Line> accuracies = new ArrayList<>();
    int i = 0;
    for (RecordedRun run : vm.overlaidRuns()) {
      Color color = PALETTE.get(i++ % PALETTE.size());
      StringExpression label = new SimpleStringProperty(shortName(run));
      DecimatedSeries loss = new DecimatedSeries(LiveCurves.MAX_POINTS);
      run.curve().forEach(p -> loss.add(p.iteration() + 1, p.loss()));
      losses.add(new CurveChart.Line(label, color, loss, false));
      DecimatedSeries accuracy = new DecimatedSeries(LiveCurves.MAX_POINTS);
      run.epochs().forEach(e -> accuracy.add(e.epoch(), e.testAccuracy()));
      accuracies.add(new CurveChart.Line(label, color, accuracy, false));
    }
    lossChart.setLines(losses);
    accuracyChart.setLines(accuracies);
  }

  private static final java.time.format.DateTimeFormatter SHORT_TIME =
      java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

  /** The network and when the run was kept, in this computer's time zone. */
  static String shortName(RecordedRun run) {
    try {
      return run.network() + " " + SHORT_TIME.format(java.time.Instant.parse(run.created())
          .atZone(java.time.ZoneId.systemDefault()));
    } catch (java.time.format.DateTimeParseException e) {
      return run.network();
    }
  }

  /** A run: tick box for the overlay, network, dataset, status and final accuracy. */
  private final class RunCell extends ListCell<RecordedRun> {
    private final CheckBox tick = new CheckBox();
    private final Label text = new Label();
    private final HBox box = new HBox(8, tick, text);

    RunCell() {
      tick.setOnAction(e -> {
        if (getItem() != null) {
          vm.setOverlaid(getItem(), tick.isSelected());
        }
      });
      text.setWrapText(false);
    }

    @Override
    protected void updateItem(RecordedRun run, boolean empty) {
      super.updateItem(run, empty);
      if (empty || run == null) {
        setGraphic(null);
        return;
      }
      tick.setSelected(vm.overlaid().contains(run.folder()));
      String accuracy = Double.isNaN(run.testAccuracy()) ? "–"
          : String.format(Locale.ROOT, "%.2f %%", 100 * run.testAccuracy());
      text.setText(I18n.get("training.history.row", shortName(run), run.dataset(),
          I18n.get("training.status." + run.status()), run.epochs().size(), accuracy));
      setGraphic(box);
    }
  }
}
