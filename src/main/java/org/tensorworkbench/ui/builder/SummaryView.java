package org.tensorworkbench.ui.builder;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.tensorworkbench.ui.builder.model.SummaryTable;
import org.tensorworkbench.ui.common.I18n;

/** d2l's shape walk-through as a table: one row per layer, in the order data flows. */
final class SummaryView extends TableView<SummaryTable.Row> {
  private final BuilderViewModel vm;

  SummaryView(BuilderViewModel vm) {
    this.vm = vm;
    setId("builder-summary");
    getStyleClass().add("summary-table");
    setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    javafx.scene.control.Label empty = new javafx.scene.control.Label();
    empty.textProperty().bind(I18n.text("builder.summary.empty"));
    setPlaceholder(empty);
    getColumns().add(text("builder.summary.layer", SummaryTable.Row::layer, 90));
    getColumns().add(text("builder.summary.kind", SummaryTable.Row::kind, 90));
    getColumns().add(text("builder.summary.output", SummaryTable.Row::outputShape, 130));
    getColumns().add(text("builder.summary.parameterShapes", SummaryTable.Row::parameterShapes, 220));
    getColumns().add(number("builder.summary.parameters", SummaryTable.Row::parameters));
    getColumns().add(number("builder.summary.multiplications", SummaryTable.Row::multiplications));
    setRowFactory(t -> new TableRow<>() {
      @Override
      protected void updateItem(SummaryTable.Row row, boolean empty) {
        super.updateItem(row, empty);
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"), !empty && row != null && !row.ok());
      }
    });
    vm.inferredProperty().addListener((obs, old, now) -> reload());
    I18n.onChange(this, () -> reload());
    getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (now != null && isFocused()) {
        vm.selectOnly(java.util.List.of(now.layer()));
      }
    });
    reload();
  }

  /** Replaces only the rows that changed, so an edit does not rebuild every visible cell. */
  private void reload() {
    java.util.List<SummaryTable.Row> rows = vm.summaryRows();
    if (rows.size() != getItems().size()) {
      getItems().setAll(rows);
      return;
    }
    for (int i = 0; i < rows.size(); i++) {
      if (!rows.get(i).equals(getItems().get(i))) {
        getItems().set(i, rows.get(i));
      }
    }
  }

  private static TableColumn<SummaryTable.Row, String> text(String key,
      java.util.function.Function<SummaryTable.Row, String> value, double width) {
    TableColumn<SummaryTable.Row, String> c = new TableColumn<>();
    c.textProperty().bind(I18n.text(key));
    c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
    c.setPrefWidth(width);
    c.setSortable(false);
    return c;
  }

  private static TableColumn<SummaryTable.Row, Long> number(String key,
      java.util.function.ToLongFunction<SummaryTable.Row> value) {
    TableColumn<SummaryTable.Row, Long> c = new TableColumn<>();
    c.textProperty().bind(I18n.text(key));
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.applyAsLong(f.getValue())));
    c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
      @Override
      protected void updateItem(Long n, boolean empty) {
        super.updateItem(n, empty);
        setText(empty || n == null ? null : String.format(org.tensorworkbench.i18n.Messages.locale(), "%,d", n));
      }
    });
    c.setStyle("-fx-alignment: CENTER-RIGHT;");
    c.setPrefWidth(110);
    c.setSortable(false);
    return c;
  }
}
