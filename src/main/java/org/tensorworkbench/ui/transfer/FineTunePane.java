package org.tensorworkbench.ui.transfer;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.tensorworkbench.engine.export.ExportFormat;
import org.tensorworkbench.engine.io.ModelFile;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.engine.transfer.FineTuneExperiment.Side;
import org.tensorworkbench.engine.transfer.GroupMode;
import org.tensorworkbench.engine.transfer.LayerGroup;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.common.FrameDrain;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.OptimizerCell;
import org.tensorworkbench.ui.tensors.LabControls;
import org.tensorworkbench.ui.training.CurveChart;
import org.tensorworkbench.ui.training.FilePicker;

/**
 * The fine-tuning tab: model and task on the left, the layer groups with a mode and a learning-rate
 * factor each, then the two networks' curves side by side (training loss per minibatch, test
 * accuracy per epoch; fine-tuned blue, from scratch orange) and the final accuracies.
 */
final class FineTunePane {
  private static final Color FINE_TUNED = Color.web("#1c7ed6");
  private static final Color SCRATCH = Color.web("#e8590c");

  private final FineTuneViewModel model;
  private final ScrollPane root = new ScrollPane();
  private final GridPane groupGrid = new GridPane();
  private final CurveChart lossChart;
  private final CurveChart accuracyChart;
  private final HBox wide = new HBox(16);
  private final VBox narrow = new VBox(12);
  private final VBox content;
  private final VBox left;
  private final VBox right;

  FineTunePane(FineTuneViewModel model) {
    this.model = model;
    root.setId("finetune");
    root.setFitToWidth(true);
    Label intro = LabControls.label("transfer.ft.intro");
    intro.setMinHeight(Label.USE_PREF_SIZE);

    ChoiceBox<FineTuneViewModel.ShippedModel> shipped = LabControls.choices(FineTuneViewModel.ShippedModel.values(),
        FineTuneViewModel.ShippedModel::key);
    shipped.setId("finetune-model");
    shipped.setMaxWidth(Double.MAX_VALUE);
    shipped.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (now != null && now != model.shippedProperty().get()) {
        model.open(now);
      }
    });
    model.shippedProperty().addListener((obs, old, now) -> { // a lesson's preset opens a shipped model
      if (now == null) {
        shipped.getSelectionModel().clearSelection();
      } else {
        shipped.getSelectionModel().select(now);
      }
    });
    Button openModel = button("transfer.ft.model.open", "finetune-open");
    openModel.setOnAction(e -> FilePicker.system().open(window(), FilePicker.Kind.MODEL, null).ifPresent(p -> {
      shipped.getSelectionModel().clearSelection();
      model.open(p);
    }));
    Label modelInfo = new Label();
    modelInfo.setId("finetune-model-info");
    modelInfo.setWrapText(true);
    modelInfo.textProperty().bind(Bindings.createStringBinding(() -> {
      var m = model.modelProperty().get();
      if (m == null) {
        return "";
      }
      var meta = m.model().metadata();
      return Messages.get("transfer.ft.model.info", model.modelFileProperty().get().getFileName(), meta.datasetName(),
          meta.epochsTrained(), percent(meta.metrics().get("testAccuracy")), String.join(", ", meta.classNames()));
    }, model.modelProperty(), I18n.localeProperty()));

    ChoiceBox<FineTuneViewModel.Task> task = LabControls.choices(FineTuneViewModel.Task.values(),
        t -> "transfer.ft.task." + switch (t) {
          case CLOTHES -> "clothes";
          case OTHER_FIVE -> "otherFive";
          case FOLDER -> "folder";
        });
    task.setId("finetune-task");
    task.setMaxWidth(Double.MAX_VALUE);
    task.valueProperty().bindBidirectional(model.taskProperty());
    Button chooseFolder = button("transfer.ft.task.chooseFolder", "finetune-folder");
    chooseFolder.disableProperty().bind(model.taskProperty().isNotEqualTo(FineTuneViewModel.Task.FOLDER));
    chooseFolder.setOnAction(e -> {
      DirectoryChooser chooser = new DirectoryChooser();
      java.io.File chosen = chooser.showDialog(window());
      if (chosen != null) {
        model.folderProperty().set(chosen.toPath());
      }
    });
    Label folder = new Label();
    folder.setWrapText(true);
    folder.textProperty().bind(Bindings.createStringBinding(() -> model.folderProperty().get() == null
        ? Messages.get("transfer.ft.task.folderNone") : model.folderProperty().get().toString(),
        model.folderProperty(), I18n.localeProperty()));
    folder.visibleProperty().bind(model.taskProperty().isEqualTo(FineTuneViewModel.Task.FOLDER));
    folder.managedProperty().bind(folder.visibleProperty());

    GridPane numbers = new GridPane();
    numbers.setHgap(8);
    numbers.setVgap(6);
    row(numbers, 0, "transfer.ft.images", "finetune-images", model.imagesProperty());
    row(numbers, 1, "transfer.ft.epochs", "finetune-epochs", model.epochsProperty());
    row(numbers, 2, "transfer.ft.lr", "finetune-lr", model.learningRateProperty());
    ComboBox<Optimizer> optimizer = new ComboBox<>();
    optimizer.setId("finetune-optimizer");
    optimizer.getItems().setAll(Optimizer.values());
    optimizer.valueProperty().bindBidirectional(model.optimizerProperty());
    optimizer.setCellFactory(l -> new OptimizerCell());
    optimizer.setButtonCell(new OptimizerCell());
    optimizer.setMaxWidth(Double.MAX_VALUE);
    I18n.onChange(optimizer, () -> { // the cells' texts are in the current language
      optimizer.setCellFactory(l -> new OptimizerCell());
      optimizer.setButtonCell(new OptimizerCell());
    });
    numbers.add(fieldLabel("transfer.ft.optimizer"), 0, 3);
    numbers.add(optimizer, 1, 3);
    Label slow = LabControls.label("transfer.ft.optimizer.slow");
    slow.setId("finetune-optimizer-hint");
    slow.setStyle("-fx-font-style: italic;");
    slow.setMinHeight(Label.USE_PREF_SIZE);
    slow.setPrefWidth(1); // wraps to the width of the fields above it instead of widening them
    slow.setMaxWidth(Double.MAX_VALUE);
    slow.visibleProperty().bind(model.slowLearningRateProperty());
    slow.managedProperty().bind(slow.visibleProperty());
    numbers.add(slow, 0, 4, 2, 1);
    row(numbers, 5, "transfer.ft.batch", "finetune-batch", model.batchSizeProperty());
    row(numbers, 6, "transfer.ft.seed", "finetune-seed", model.seedProperty());

    Button train = button("transfer.ft.train", "finetune-train");
    train.getStyleClass().add("accent");
    train.disableProperty().bind(model.busyProperty().or(model.modelProperty().isNull()));
    train.setOnAction(e -> model.train());
    Button stop = button("transfer.ft.stop", "finetune-stop");
    stop.disableProperty().bind(model.busyProperty().not());
    stop.setOnAction(e -> model.stop());
    Button save = button("transfer.ft.save", "finetune-save");
    Button export = button("transfer.ft.export", "finetune-export");
    for (Button b : List.of(save, export)) {
      b.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.hasResult(), model.phaseProperty()));
    }
    save.setOnAction(e -> FilePicker.system().save(window(), FilePicker.Kind.MODEL, null, "fine-tuned" + ModelFile.EXTENSION)
        .ifPresent(model::save));
    export.setOnAction(e -> exportDialog());
    FlowPane actions = new FlowPane(8, 6, train, stop, save, export);
    for (javafx.scene.control.Control c : List.of(shipped, openModel, task, optimizer)) {
      c.disableProperty().bind(model.busyProperty()); // the model and task stay as trained until the run ends
    }
    chooseFolder.disableProperty().unbind();
    chooseFolder.disableProperty().bind(model.busyProperty()
        .or(model.taskProperty().isNotEqualTo(FineTuneViewModel.Task.FOLDER)));

    VBox left = new VBox(8, heading("transfer.ft.model"), shipped, openModel, modelInfo,
        heading("transfer.ft.task"), task, chooseFolder, folder, numbers, actions);
    left.setPrefWidth(340);
    left.setMinWidth(340);

    groupGrid.setId("finetune-groups");
    groupGrid.setHgap(10);
    groupGrid.setVgap(4);
    model.groups().addListener((ListChangeListener<FineTuneGroupRow>) c -> rebuildGroups());
    I18n.onChange(groupGrid, () -> rebuildGroups());
    TitledPane groupsPane = LabControls.section("transfer.ft.groups", groupGrid);
    groupsPane.setCollapsible(false);

    lossChart = new CurveChart(I18n.text("transfer.ft.curves.lossTitle"), I18n.text("transfer.ft.curves.epoch"));
    lossChart.setId("finetune-loss-chart");
    accuracyChart = new CurveChart(I18n.text("transfer.ft.curves.title"), I18n.text("transfer.ft.curves.epoch"));
    accuracyChart.setId("finetune-accuracy-chart");
    accuracyChart.setUnitRange(true);
    accuracyChart.setIntegerX(true);
    lossChart.setLines(List.of(
        new CurveChart.Line(I18n.text("transfer.ft.curves.fineTuned"), FINE_TUNED, model.loss(Side.FINE_TUNED), false),
        new CurveChart.Line(I18n.text("transfer.ft.curves.scratch"), SCRATCH, model.loss(Side.SCRATCH), false)));
    accuracyChart.setLines(List.of(
        new CurveChart.Line(I18n.text("transfer.ft.curves.fineTuned"), FINE_TUNED, model.testAccuracy(Side.FINE_TUNED), false),
        new CurveChart.Line(I18n.text("transfer.ft.curves.scratch"), SCRATCH, model.testAccuracy(Side.SCRATCH), false)));
    for (CurveChart chart : List.of(lossChart, accuracyChart)) {
      chart.setMinSize(240, 220);
      chart.setPrefSize(380, 260);
      HBox.setHgrow(chart, Priority.ALWAYS);
    }
    model.curveVersionProperty().addListener(o -> {
      lossChart.redraw();
      accuracyChart.redraw();
    });
    HBox charts = new HBox(10, lossChart, accuracyChart);
    Label status = new Label();
    status.setId("finetune-status");
    status.setWrapText(true);
    status.textProperty().bind(Bindings.createStringBinding(() -> model.statusProperty().get().get(),
        model.statusProperty(), I18n.localeProperty()));
    Label data = new Label();
    data.setId("finetune-data");
    data.textProperty().bind(Bindings.createStringBinding(
        () -> model.dataSummaryProperty().get() == null ? "" : model.dataSummaryProperty().get().get(),
        model.dataSummaryProperty(), I18n.localeProperty()));
    Label error = LabControls.errorLine(model.errorProperty());
    error.setId("finetune-error");
    VBox right = new VBox(8, groupsPane, charts, status, data, error);
    HBox.setHgrow(right, Priority.ALWAYS);

    // side by side when both fit (100 %), the settings above the groups and curves when not (200 %)
    content = new VBox(10, intro, wide);
    this.left = left;
    this.right = right;
    root.viewportBoundsProperty().addListener(o -> relayout());
    content.widthProperty().addListener(o -> relayout());
    wide.getChildren().setAll(left, right);
    content.setPadding(new Insets(12));
    root.setContent(content);
    shipped.getSelectionModel().selectFirst();
    FrameDrain.whileBusy(model.busyProperty(), model::drain);
    model.busyProperty().addListener((obs, was, now) -> {
      if (!now) {
        model.drain();
      }
    });
  }

  /** Settings beside the groups and curves if both fit at their preferred widths, else above them. */
  private void relayout() {
    double need = left.prefWidth(-1) + wide.getSpacing() + groupGrid.prefWidth(-1) + 60;
    javafx.scene.layout.Pane body = root.getViewportBounds().getWidth() >= need ? wide : narrow;
    if (content.getChildren().get(1) != body) {
      wide.getChildren().clear();
      narrow.getChildren().clear();
      body.getChildren().setAll(left, right);
      content.getChildren().set(1, body);
    }
  }

  Parent root() {
    return root;
  }

  FineTuneViewModel model() {
    return model;
  }

  private void rebuildGroups() {
    groupGrid.getChildren().clear();
    String[] headers = {"transfer.ft.group.column", "transfer.ft.group.parameters", "transfer.ft.group.mode",
        "transfer.ft.group.factor"};
    for (int c = 0; c < headers.length; c++) {
      Label h = LabControls.label(headers[c]);
      h.setStyle("-fx-font-weight: bold;");
      h.setWrapText(false);
      h.setMinWidth(Label.USE_PREF_SIZE);
      groupGrid.add(h, c, 0);
    }
    int r = 1;
    for (FineTuneGroupRow row : model.groups()) {
      LayerGroup g = row.group();
      Label name = new Label(g.id() + " (" + g.kind() + ")");
      Label layers = new Label(String.join(" → ", g.nodeIds()));
      Label count = new Label(String.format(Locale.ROOT, "%,d", g.parameterCount()));
      for (Label l : List.of(name, count)) {
        l.setMinWidth(Label.USE_PREF_SIZE);
      }
      layers.setWrapText(true);
      layers.setStyle("-fx-opacity: 0.75; -fx-font-size: 0.9em;");
      groupGrid.add(new VBox(0, name, layers), 0, r);
      groupGrid.add(count, 1, r);
      Node mode;
      if (g.output()) {
        Label fresh = LabControls.label("transfer.ft.group.new");
        fresh.setWrapText(false);
        fresh.setMinWidth(Label.USE_PREF_SIZE);
        mode = fresh;
      } else {
        ChoiceBox<GroupMode> box = LabControls.choices(GroupMode.values(), m -> "transfer.ft.mode." + m.name());
        box.setId("finetune-mode-" + g.id());
        box.valueProperty().bindBidirectional(row.modeProperty());
        box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        mode = box;
      }
      groupGrid.add(mode, 2, r);
      TextField factor = new TextField();
      factor.setId("finetune-factor-" + g.id());
      factor.setPrefColumnCount(4);
      factor.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      factor.textProperty().bindBidirectional(row.factorProperty());
      factor.disableProperty().bind(row.modeProperty().isEqualTo(GroupMode.FROZEN));
      groupGrid.add(factor, 3, r);
      r++;
    }
    javafx.application.Platform.runLater(this::relayout);
  }

  private static String percent(Double accuracy) {
    return accuracy == null ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * accuracy);
  }

  private void exportDialog() {
    FileChooser chooser = new FileChooser();
    FileChooser.ExtensionFilter onnx = new FileChooser.ExtensionFilter("ONNX", "*.onnx");
    FileChooser.ExtensionFilter torch = new FileChooser.ExtensionFilter("PyTorch", "*.py");
    chooser.getExtensionFilters().addAll(onnx, torch);
    chooser.setInitialFileName("fine-tuned.onnx");
    java.io.File file = chooser.showSaveDialog(window());
    if (file != null) {
      Path p = file.toPath();
      boolean py = chooser.getSelectedExtensionFilter() == torch || p.getFileName().toString().endsWith(".py");
      model.export(py ? ExportFormat.PYTORCH : ExportFormat.ONNX, p);
    }
  }

  private Window window() {
    return root.getScene() == null ? null : root.getScene().getWindow();
  }

  private static Label heading(String key) {
    Label l = LabControls.label(key);
    l.setStyle("-fx-font-weight: bold;");
    return l;
  }

  private static Button button(String key, String id) {
    Button b = new Button();
    b.setId(id);
    b.textProperty().bind(I18n.text(key));
    return b;
  }

  /** A field's name on one line: at 200 % zoom the fields narrow, not the names. */
  private static Label fieldLabel(String key) {
    Label l = LabControls.label(key);
    l.setWrapText(false);
    l.setMinWidth(Label.USE_PREF_SIZE);
    return l;
  }

  private static void row(GridPane grid, int r, String key, String id, StringProperty property) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefColumnCount(6);
    f.textProperty().bindBidirectional(property);
    grid.add(fieldLabel(key), 0, r);
    grid.add(f, 1, r);
  }
}
