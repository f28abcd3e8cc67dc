package org.tensorworkbench.ui.tensors;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.tensorworkbench.engine.lab.tensor.MemoryStep;
import org.tensorworkbench.ui.common.I18n;

/**
 * The memory tab (d2l 2.1.6): each statement with its PyTorch and ND4J form, the buffer address
 * of the assigned variable before and after (Python's {@code id()}), and whether it was written in place.
 */
public final class MemoryPane {
  private final MemoryViewModel model;
  private final VBox rows = new VBox(14);
  private final ScrollPane root;

  public MemoryPane(MemoryViewModel model) {
    this.model = model;
    Button run = new Button();
    run.setId("memory-run");
    run.textProperty().bind(I18n.text("tensors.memory.run"));
    run.setOnAction(e -> model.run());
    rows.setId("memory-steps");
    VBox content = new VBox(10, LabControls.label("tensors.memory.intro"), run,
        LabControls.errorLine(model.errorProperty()), rows);
    content.setPadding(new Insets(12));
    root = new ScrollPane(content);
    root.setFitToWidth(true);
    model.steps().addListener((javafx.collections.ListChangeListener<MemoryStep>) c -> show());
    I18n.onChange(root, () -> show());
    model.run();
  }

  public ScrollPane root() {
    return root;
  }

  private void show() {
    rows.getChildren().clear();
    for (MemoryStep s : model.steps()) {
      CodeLinesPane code = new CodeLinesPane();
      code.show(s.code());
      GridPane addresses = new GridPane();
      addresses.setHgap(10);
      addresses.addRow(0, new Label(I18n.get("tensors.memory.before", s.variable())), mono(hex(s.addressBefore())));
      addresses.addRow(1, new Label(I18n.get("tensors.memory.after", s.variable())), mono(hex(s.addressAfter())));
      Label verdict = new Label(I18n.get(s.inPlace() ? "tensors.memory.inPlace" : "tensors.memory.newBuffer", s.variable()));
      verdict.setStyle(s.inPlace() ? "-fx-text-fill: #2b8a3e; -fx-font-weight: bold;"
          : "-fx-text-fill: #c92a2a; -fx-font-weight: bold;");
      verdict.getStyleClass().add(s.inPlace() ? "memory-in-place" : "memory-new-buffer");
      TensorCanvas value = new TensorCanvas();
      value.show(s.value(), i -> new CellLook(s.inPlace() ? Color.web("#d3f9d8") : Color.web("#ffe3e3"), false, null, false));
      VBox step = new VBox(6, code, addresses, verdict, value);
      step.setStyle("-fx-border-color: #d0d7e2; -fx-border-radius: 4; -fx-padding: 8;");
      rows.getChildren().add(step);
    }
  }

  private static Label mono(String text) {
    Label l = new Label(text);
    l.setStyle("-fx-font-family: 'Monospaced';");
    return l;
  }

  private static String hex(long address) {
    return "0x" + Long.toHexString(address);
  }
}
