package org.tensorworkbench.ui.playground;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.GridPane;
import org.tensorworkbench.ui.common.I18n;

/** Small builders for the Playground's forms: choice boxes whose items are named by message keys, and form rows. */
final class Controls {
  private Controls() {}

  /** A combo box over {@code items}, each shown as the text of {@code key.apply(item)}, bound both ways to {@code value}. */
  static <T> ComboBox<T> choice(String id, List<T> items, Function<T, String> key, ObjectProperty<T> value) {
    ComboBox<T> box = new ComboBox<>();
    box.setId(id);
    box.getItems().setAll(items);
    box.setCellFactory(lv -> cell(key));
    box.setButtonCell(cell(key));
    box.setValue(value.get());
    box.valueProperty().addListener((o, old, v) -> {
      if (v != null && v != value.get()) {
        value.set(v);
      }
    });
    value.addListener((o, old, v) -> box.setValue(v));
    I18n.onChange(box, () -> box.setButtonCell(cell(key)));
    box.setMaxWidth(Double.MAX_VALUE);
    return box;
  }

  private static <T> ListCell<T> cell(Function<T, String> key) {
    return new ListCell<>() {
      @Override
      protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : I18n.get(key.apply(item)));
      }
    };
  }

  /** Adds a row "label: control" to {@code grid}. */
  static void row(GridPane grid, String labelKey, Node control) {
    int row = grid.getRowCount();
    Label label = new Label();
    label.textProperty().bind(I18n.text(labelKey));
    label.setLabelFor(control);
    label.setWrapText(true);
    label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    grid.add(label, 0, row);
    grid.add(control, 1, row);
  }

  /** A bold section title spanning the grid. */
  static void title(GridPane grid, String key) {
    Label label = new Label();
    label.textProperty().bind(I18n.text(key));
    label.getStyleClass().add("section-title");
    label.setStyle("-fx-font-weight: bold;");
    grid.add(label, 0, grid.getRowCount(), 2, 1);
  }
}
