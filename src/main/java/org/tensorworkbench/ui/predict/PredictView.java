package org.tensorworkbench.ui.predict;

import org.tensorworkbench.engine.image.Rasters;
import org.tensorworkbench.ui.common.FxImages;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import org.tensorworkbench.engine.export.ExportFormat;
import org.tensorworkbench.engine.export.OpenedModel;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.common.I18n;

/**
 * The Predict panel: drop a picture (or choose one) and see it as the model sees it, resized
 * and converted to its input, beside the five most likely classes with their probabilities.
 * Also exports the opened model to ONNX or PyTorch.
 */
public final class PredictView {
  /** The side of the picture shown, in pixels (small inputs are enlarged without smoothing). */
  static final double PREVIEW_SIDE = 224;

  private final PredictViewModel vm;
  private final PredictDialogs dialogs;
  private final BorderPane root = new BorderPane();
  private final ImageView preview = new ImageView();
  private final GridPane table = new GridPane();

  public PredictView(PredictViewModel vm, PredictDialogs dialogs) {
    this.vm = vm;
    this.dialogs = dialogs;
    root.setId("predict-root");
    root.setPadding(new Insets(12));
    root.setTop(toolBar());
    root.setCenter(dropZone());
    root.setRight(predictionTable());
    root.setBottom(statusLine());
    vm.previewProperty().addListener((obs, old, snapshot) -> preview.setImage(snapshot == null ? null : FxImages.image(Rasters.image(snapshot))));
    vm.predictions().addListener((javafx.collections.ListChangeListener<PredictViewModel.Prediction>) c -> fillTable());
    I18n.onChange(root, () -> fillTable());
    fillTable();
  }

  public Parent root() {
    return root;
  }

  private HBox toolBar() {
    Label title = new Label();
    title.setId("predict-title");
    title.getStyleClass().add("design-title");
    title.textProperty().bind(Bindings.createStringBinding(() -> {
      OpenedModel model = vm.modelProperty().get();
      return model == null ? Messages.get("export.predict.noModelTitle")
          : Messages.get("export.predict.modelTitle", model.file().getFileName().toString(), shape(model.inputShape()));
    }, vm.modelProperty(), I18n.localeProperty()));
    Button open = button("export.action.openModel", "predict-open", () -> dialogs.chooseModel(window()).ifPresent(vm::open));
    Button onnx = button("export.action.exportOnnx", "predict-export-onnx", () -> export(ExportFormat.ONNX));
    Button pytorch = button("export.action.exportPytorch", "predict-export-pytorch", () -> export(ExportFormat.PYTORCH));
    onnx.disableProperty().bind(vm.modelProperty().isNull());
    pytorch.disableProperty().bind(vm.modelProperty().isNull());
    HBox spacer = new HBox();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(8, title, spacer, open, onnx, pytorch);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(0, 0, 12, 0));
    return bar;
  }

  private StackPane dropZone() {
    Label hint = new Label();
    hint.textProperty().bind(I18n.text("export.predict.dropHint"));
    hint.setWrapText(true);
    Button choose = button("export.action.chooseImage", "predict-choose-image",
        () -> dialogs.chooseImage(window()).ifPresent(p -> vm.drop(List.of(p))));
    choose.disableProperty().bind(vm.modelProperty().isNull());
    preview.setId("predict-preview");
    preview.setFitWidth(PREVIEW_SIDE);
    preview.setFitHeight(PREVIEW_SIDE);
    preview.setPreserveRatio(true);
    preview.setSmooth(false);
    Label seen = new Label();
    seen.textProperty().bind(I18n.text("export.predict.asSeen"));
    seen.visibleProperty().bind(vm.previewProperty().isNotNull());
    VBox content = new VBox(10, preview, seen, hint, choose);
    content.setAlignment(Pos.CENTER);
    StackPane zone = new StackPane(content);
    zone.setId("predict-drop-zone");
    zone.setMinSize(300, 300);
    zone.setStyle("-fx-border-color: -fx-accent; -fx-border-style: dashed; -fx-border-width: 2; -fx-border-radius: 6;");
    zone.setOnDragOver(e -> {
      if (e.getDragboard().hasFiles()) {
        e.acceptTransferModes(TransferMode.COPY);
      }
      e.consume();
    });
    zone.setOnDragDropped(this::dropped);
    return zone;
  }

  private void dropped(DragEvent e) {
    boolean files = e.getDragboard().hasFiles();
    if (files) {
      vm.drop(e.getDragboard().getFiles().stream().map(java.io.File::toPath).toList());
    }
    e.setDropCompleted(files);
    e.consume();
  }

  private VBox predictionTable() {
    Label heading = new Label();
    heading.textProperty().bind(I18n.text("export.predict.top"));
    heading.getStyleClass().add("design-title");
    table.setId("predict-table");
    table.setHgap(10);
    table.setVgap(8);
    VBox box = new VBox(10, heading, table);
    box.setPadding(new Insets(0, 0, 0, 16));
    box.setMinWidth(320);
    return box;
  }

  private void fillTable() {
    table.getChildren().clear();
    List<PredictViewModel.Prediction> rows = vm.predictions();
    boolean classifier = vm.modelProperty().get() == null || vm.modelProperty().get().classifier();
    for (int i = 0; i < rows.size(); i++) {
      PredictViewModel.Prediction row = rows.get(i);
      Label name = new Label(row.label());
      name.getStyleClass().add("predict-class");
      Label value = new Label(classifier
          ? String.format(Locale.ROOT, "%.1f %%", row.value() * 100)
          : String.format(Locale.ROOT, "%.4g", row.value()));
      value.getStyleClass().add("predict-probability");
      table.add(name, 0, i);
      if (classifier) {
        ProgressBar bar = new ProgressBar(row.value());
        bar.setPrefWidth(140);
        table.add(bar, 1, i);
      }
      table.add(value, 2, i);
    }
  }

  private Label statusLine() {
    Label line = new Label();
    line.setId("predict-status");
    line.setWrapText(true);
    line.setPadding(new Insets(12, 0, 0, 0));
    line.textProperty().bind(Bindings.createStringBinding(() -> {
      PredictViewModel.Status s = vm.statusProperty().get();
      return s.text().get();
    }, vm.statusProperty(), I18n.localeProperty()));
    vm.statusProperty().addListener((obs, old, s) -> line.setTextFill(s.error() ? Color.FIREBRICK : Color.GRAY));
    return line;
  }

  private void export(ExportFormat format) {
    OpenedModel model = vm.modelProperty().get();
    String name = model.file().getFileName().toString().replaceFirst("\\.[^.]*$", "");
    dialogs.chooseExport(window(), format, format == ExportFormat.PYTORCH ? name.replaceAll("[^A-Za-z0-9_]", "_") : name)
        .ifPresent(target -> vm.export(format, target));
  }

  private Window window() {
    return root.getScene() == null ? null : root.getScene().getWindow();
  }

  private static Button button(String key, String id, Runnable action) {
    Button b = new Button();
    b.textProperty().bind(I18n.text(key));
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }

  private static String shape(int[] shape) {
    StringBuilder s = new StringBuilder("[N");
    for (int d : shape) {
      s.append(", ").append(d);
    }
    return s.append(']').toString();
  }

}
