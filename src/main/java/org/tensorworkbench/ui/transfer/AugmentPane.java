package org.tensorworkbench.ui.transfer;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.tensorworkbench.engine.augment.AugmentKind;
import org.tensorworkbench.engine.augment.AugmentParameter;
import org.tensorworkbench.engine.augment.AugmentStep;
import org.tensorworkbench.engine.image.Raster;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.FxImages;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.UiText;
import org.tensorworkbench.ui.training.FilePicker;

/**
 * The Augmentation tab (d2l 14.1): the pipeline's steps on the left (add, remove, reorder,
 * switch on and off, edit the selected step's parameters and probability, save and open), the
 * source image with a grid of 16 augmented versions in the middle, and below it the comparison
 * run of one network trained with and without the augmentation.
 */
final class AugmentPane {
  private static final int CELL = 92;

  private final AugmentViewModel vm;
  private final FilePicker files;
  private final BorderPane root = new BorderPane();
  private final ListView<AugmentStep> list = new ListView<>();
  private final VBox editor = new VBox(6);
  private final GridPane grid = new GridPane();
  private final ImageView original = new ImageView();
  private final AugmentComparisonViewModel comparisonModel;
  private int shown = -1;

  AugmentPane(AppContext context, FilePicker files) {
    this(new AugmentViewModel(context.executor(), context.projectHome()), context, files);
  }

  AugmentPane(AugmentViewModel vm, AppContext context, FilePicker files) {
    this.vm = vm;
    this.files = files;
    root.setId("augment-pane");
    root.getStylesheets().add(AugmentPane.class.getResource("/org/tensorworkbench/css/augment.css").toExternalForm());
    ScrollPane left = new ScrollPane(steps());
    left.setFitToWidth(true);
    left.setPrefViewportWidth(330);
    left.getStyleClass().add("augment-steps-scroll");
    comparisonModel = new AugmentComparisonViewModel(context.executor(), context.projectHome(), vm::pipeline);
    AugmentComparisonPane comparison = new AugmentComparisonPane(comparisonModel);
    VBox centre = new VBox(12, preview(), comparison.root());
    centre.setPadding(new Insets(10));
    ScrollPane scroll = new ScrollPane(centre);
    scroll.setFitToWidth(true);
    scroll.setPrefViewportWidth(600); // not the width of the longest unwrapped explanation
    left.setMinWidth(180);
    // the steps and the pictures share the width as the person likes; at 200 % zoom both stay reachable
    SplitPane split = new SplitPane(left, scroll);
    split.setDividerPositions(0.3);
    SplitPane.setResizableWithParent(left, false);
    root.setCenter(split);
    vm.gridProperty().addListener((o, was, now) -> showGrid(now));
    vm.originalProperty().addListener((o, was, now) -> {
      if (now != null) {
        original.setImage(FxImages.image(now.scaled(Math.max(1, CELL / Math.max(now.width(), now.height())))));
      }
    });
    vm.refresh();
  }

  Parent root() {
    return root;
  }

  AugmentViewModel model() {
    return vm;
  }

  /** The comparison run with and without the augmentation. */
  AugmentComparisonViewModel comparison() {
    return comparisonModel;
  }

  // ---- the steps

  private Node steps() {
    Label heading = heading("transfer.augment.steps");
    Label explain = note("transfer.augment.stepsExplain");
    list.setId("augment-steps");
    list.setItems(vm.steps());
    list.setPrefHeight(220);
    list.setMinHeight(120);
    list.setCellFactory(l -> new StepCell());
    list.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> showEditor(now.intValue()));
    vm.steps().addListener((ListChangeListener<AugmentStep>) c -> {
      if (shown >= vm.steps().size()) {
        shown = -1;
      }
      if (shown >= 0 && list.getSelectionModel().getSelectedIndex() != shown) {
        list.getSelectionModel().select(shown);
      }
      if (shown < 0) {
        editor.getChildren().clear();
      }
    });
    MenuButton add = new MenuButton();
    add.setId("augment-add");
    add.textProperty().bind(I18n.text("transfer.augment.add"));
    for (AugmentKind kind : AugmentKind.values()) {
      MenuItem item = new MenuItem();
      item.setId("augment-add-" + kind.id());
      item.textProperty().bind(I18n.text("transfer.augment.op." + kind.id()));
      item.setOnAction(e -> {
        vm.add(kind);
        list.getSelectionModel().select(vm.steps().size() - 1);
      });
      add.getItems().add(item);
    }
    Button remove = button("transfer.augment.remove", "augment-remove", () -> {
      int i = list.getSelectionModel().getSelectedIndex();
      if (i >= 0) {
        shown = -1;
        vm.remove(i);
        list.getSelectionModel().clearSelection();
      }
    });
    Button up = button("transfer.augment.up", "augment-up", () -> move(-1));
    Button down = button("transfer.augment.down", "augment-down", () -> move(1));
    remove.disableProperty().bind(list.getSelectionModel().selectedIndexProperty().lessThan(0));
    up.disableProperty().bind(remove.disableProperty());
    down.disableProperty().bind(remove.disableProperty());
    FlowPane buttons = new FlowPane(6, 6, add, remove, up, down);
    editor.setId("augment-editor");
    Button save = button("transfer.augment.save", "augment-save", () -> files.save(window(),
        FilePicker.Kind.AUGMENTATION, null, "augmentation.json").ifPresent(vm::save));
    Button open = button("transfer.augment.open", "augment-open", () -> files.open(window(),
        FilePicker.Kind.AUGMENTATION, null).ifPresent(f -> {
          shown = -1;
          list.getSelectionModel().clearSelection();
          vm.open(f);
        }));
    Label file = new Label();
    file.setId("augment-file");
    file.setWrapText(true);
    file.getStyleClass().add("lab-note");
    file.textProperty().bind(Bindings.createStringBinding(() -> vm.fileProperty().get() == null ? ""
        : I18n.get("transfer.augment.fileShown", vm.fileProperty().get().getFileName()),
        vm.fileProperty(), I18n.localeProperty()));
    Label trainNote = note("transfer.augment.trainNote");
    VBox box = new VBox(8, heading, explain, list, buttons, editor, new FlowPane(6, 6, save, open), file, trainNote);
    box.setPadding(new Insets(10));
    return box;
  }

  private void move(int direction) {
    int i = list.getSelectionModel().getSelectedIndex();
    if (i >= 0 && vm.move(i, direction)) {
      shown = i + direction;
      list.getSelectionModel().select(shown);
      showEditor(shown);
    }
  }

  private void showEditor(int index) {
    if (index < 0 || index >= vm.steps().size()) {
      return;
    }
    if (index == shown && !editor.getChildren().isEmpty()) {
      return;
    }
    shown = index;
    editor.getChildren().clear();
    AugmentStep step = vm.steps().get(index);
    Label title = new Label();
    title.getStyleClass().add("augment-editor-title");
    title.textProperty().bind(I18n.text("transfer.augment.op." + step.kind().id()));
    Label explain = note("transfer.augment.explain." + step.kind().id());
    GridPane fields = new GridPane();
    fields.setHgap(8);
    fields.setVgap(4);
    int row = 0;
    for (AugmentParameter p : step.kind().parameters()) {
      TextField field = numberField("augment-param-" + p.name(), step.get(p.name()),
          v -> vm.edit(index, s -> s.with(p.name(), v)));
      Label label = new Label();
      label.textProperty().bind(I18n.text("transfer.augment.param." + p.name()));
      Label range = new Label();
      range.getStyleClass().add("lab-note");
      range.textProperty().bind(I18n.text("transfer.augment.range", number(p.min()), number(p.max())));
      fields.addRow(row++, label, field, range);
    }
    TextField probability = numberField("augment-probability", step.probability(),
        v -> vm.edit(index, s -> s.withProbability(v)));
    Label pLabel = new Label();
    pLabel.textProperty().bind(I18n.text("transfer.augment.probability"));
    Label pRange = new Label();
    pRange.getStyleClass().add("lab-note");
    pRange.textProperty().bind(I18n.text("transfer.augment.range", "0", "1"));
    fields.addRow(row, pLabel, probability, pRange);
    editor.getChildren().addAll(title, explain, fields);
  }

  private TextField numberField(String id, double value, java.util.function.DoublePredicate commit) {
    TextField field = new TextField(number(value));
    field.setId(id);
    field.setPrefColumnCount(6);
    Runnable apply = () -> {
      double v;
      try {
        v = Double.parseDouble(field.getText().strip());
      } catch (NumberFormatException e) {
        field.setText(number(value));
        return;
      }
      if (!commit.test(v)) {
        field.selectAll();
      }
    };
    field.setOnAction(e -> apply.run());
    field.focusedProperty().addListener((o, was, now) -> {
      if (!now) {
        apply.run();
      }
    });
    return field;
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
  }

  // ---- the preview

  private Node preview() {
    Label heading = heading("transfer.augment.preview");
    ComboBox<AugmentSource> source = new ComboBox<>(vm.sources());
    source.setId("augment-source");
    source.valueProperty().bindBidirectional(vm.sourceProperty());
    source.setCellFactory(l -> new SourceCell());
    source.setButtonCell(new SourceCell());
    I18n.onChange(source, () -> {
      source.setCellFactory(l -> new SourceCell());
      source.setButtonCell(new SourceCell());
    });
    Button openImage = button("transfer.augment.openImage", "augment-open-image",
        () -> files.open(window(), FilePicker.Kind.PNG, null).ifPresent(vm::openImage));
    CheckBox batch = new CheckBox();
    batch.setId("augment-batch");
    batch.textProperty().bind(I18n.text("transfer.augment.batch"));
    batch.selectedProperty().bindBidirectional(vm.batchProperty());
    batch.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.sourceProperty().get() == null
        || vm.sourceProperty().get().kind() != AugmentSource.Kind.DATASET, vm.sourceProperty()));
    Button fresh = button("transfer.augment.newSamples", "augment-new-samples", vm::newSamples);
    fresh.getStyleClass().add("accent");
    FlowPane controls = new FlowPane(8, 6, source, openImage, batch, fresh);
    controls.setAlignment(Pos.CENTER_LEFT);
    Label error = new Label();
    error.setId("augment-error");
    error.setWrapText(true);
    error.getStyleClass().add("lab-error");
    error.textProperty().bind(Bindings.createStringBinding(() -> {
      UiText t = vm.errorProperty().get();
      return t == null ? "" : t.get();
    }, vm.errorProperty(), I18n.localeProperty()));
    error.visibleProperty().bind(vm.errorProperty().isNotNull());
    error.managedProperty().bind(error.visibleProperty());
    grid.setId("augment-grid");
    grid.setHgap(4);
    grid.setVgap(4);
    original.setFitWidth(CELL);
    original.setFitHeight(CELL);
    original.setPreserveRatio(true);
    Label originalLabel = note("transfer.augment.original");
    VBox originalBox = new VBox(4, originalLabel, original);
    FlowPane pictures = new FlowPane(16, 8, originalBox, grid);
    return new VBox(8, heading, controls, error, pictures);
  }

  private void showGrid(List<Raster> rasters) {
    grid.getChildren().clear();
    for (int i = 0; i < rasters.size(); i++) {
      Raster r = rasters.get(i);
      ImageView view = new ImageView(FxImages.image(r.scaled(Math.max(1, CELL / Math.max(r.width(), r.height())))));
      view.setFitWidth(CELL);
      view.setFitHeight(CELL);
      view.setPreserveRatio(true);
      view.setSmooth(false);
      view.getStyleClass().add("augment-sample");
      grid.add(view, i % 4, i / 4);
    }
  }

  // ---- helpers

  private Window window() {
    return root.getScene() == null ? null : root.getScene().getWindow();
  }

  private static Label heading(String key) {
    Label label = new Label();
    label.textProperty().bind(I18n.text(key));
    label.getStyleClass().add("lab-heading");
    label.setWrapText(true);
    label.setMinHeight(Label.USE_PREF_SIZE);
    return label;
  }

  private static Label note(String key) {
    Label label = new Label();
    label.textProperty().bind(I18n.text(key));
    label.setWrapText(true);
    label.getStyleClass().add("lab-note");
    label.setMinHeight(Label.USE_PREF_SIZE);
    return label;
  }

  private static Button button(String key, String id, Runnable action) {
    Button b = new Button();
    b.setId(id);
    b.textProperty().bind(I18n.text(key));
    b.setOnAction(e -> action.run());
    b.setMinWidth(Button.USE_PREF_SIZE);
    return b;
  }

  /** A step: its switch, its name and its probability. */
  private final class StepCell extends ListCell<AugmentStep> {
    private final CheckBox enabled = new CheckBox();

    StepCell() {
      enabled.setOnAction(e -> {
        int i = getIndex();
        boolean on = enabled.isSelected();
        vm.edit(i, s -> s.withEnabled(on));
      });
      I18n.onChange(this, () -> updateItem(getItem(), isEmpty()));
    }

    @Override
    protected void updateItem(AugmentStep item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setText(null);
        setGraphic(null);
        return;
      }
      enabled.setSelected(item.enabled());
      enabled.setId("augment-enabled-" + getIndex());
      setGraphic(enabled);
      setText(I18n.get("transfer.augment.stepLine", getIndex() + 1, I18n.get("transfer.augment.op." + item.kind().id()),
          String.format(Locale.ROOT, "%.2f", item.probability())));
    }
  }

  private static final class SourceCell extends ListCell<AugmentSource> {
    @Override
    protected void updateItem(AugmentSource item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? null : item.label());
    }
  }
}
