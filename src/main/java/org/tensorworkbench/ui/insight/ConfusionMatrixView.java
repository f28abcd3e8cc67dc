package org.tensorworkbench.ui.insight;

import org.tensorworkbench.engine.image.ColourMaps;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.common.I18n;

/**
 * The confusion matrix as a heat map: rows are the true classes, columns the predicted ones,
 * each cell shows its count and is coloured by its share of the row (so rare classes are as
 * readable as common ones). Pointing at a cell describes it; clicking one asks for its images.
 */
final class ConfusionMatrixView extends GridPane {
  private static final double CELL = 34;
  private final ReadOnlyStringWrapper pointed = new ReadOnlyStringWrapper("");
  private final BiConsumer<Integer, Integer> onCellClicked;
  private ResultsSummary summary;
  private StackPane selected;

  ConfusionMatrixView(BiConsumer<Integer, Integer> onCellClicked) {
    this.onCellClicked = onCellClicked;
    setId("confusion-matrix");
    getStyleClass().add("confusion-matrix");
    setHgap(1);
    setVgap(1);
  }

  /** What the pointer is on, e.g. "True Coat, predicted Shirt: 112 (11.2 % of Coat)". */
  ReadOnlyStringProperty pointedProperty() {
    return pointed.getReadOnlyProperty();
  }

  void show(ResultsSummary newSummary) {
    this.summary = newSummary;
    this.selected = null;
    getChildren().clear();
    if (newSummary == null) {
      return;
    }
    int k = newSummary.classCount();
    Label predicted = new Label();
    predicted.textProperty().bind(I18n.text("insight.results.axisPredicted"));
    predicted.getStyleClass().add("axis-title");
    add(predicted, 2, 0, k, 1);
    GridPane.setHalignment(predicted, HPos.CENTER);
    Label actual = new Label();
    actual.textProperty().bind(I18n.text("insight.results.axisTrue"));
    actual.getStyleClass().add("axis-title");
    actual.setRotate(-90);
    add(new Group(actual), 0, 2, 1, k);
    for (int c = 0; c < k; c++) {
      Label column = new Label(newSummary.classNames().get(c));
      column.setRotate(-60);
      column.getStyleClass().add("axis-label");
      Group rotated = new Group(column);
      add(rotated, 2 + c, 1);
      GridPane.setHalignment(rotated, HPos.CENTER);
      GridPane.setValignment(rotated, VPos.BOTTOM);
      Label row = new Label(newSummary.classNames().get(c));
      row.getStyleClass().add("axis-label");
      row.setMinWidth(Region.USE_PREF_SIZE);
      add(row, 1, 2 + c);
      GridPane.setHalignment(row, HPos.RIGHT);
    }
    for (int a = 0; a < k; a++) {
      for (int p = 0; p < k; p++) {
        add(cell(a, p), 2 + p, 2 + a);
      }
    }
  }

  private StackPane cell(int a, int p) {
    long count = summary.confusion()[a][p];
    double share = summary.rowShare(a, p);
    int argb = ColourMaps.heat(share);
    Label text = new Label(Long.toString(count));
    text.getStyleClass().add(ColourMaps.isDark(argb) ? "cell-count-light" : "cell-count");
    StackPane cell = new StackPane(text);
    cell.setId("cm-cell-" + a + "-" + p);
    cell.getStyleClass().add(a == p ? "cm-diagonal" : "cm-cell");
    cell.setStyle(String.format(Locale.ROOT, "-fx-background-color: #%06x;", argb & 0xffffff));
    cell.setMinSize(CELL, CELL);
    cell.setPrefSize(CELL, CELL);
    cell.setAlignment(Pos.CENTER);
    cell.setOnMouseEntered(e -> pointed.set(describe(a, p)));
    cell.setOnMouseExited(e -> pointed.set(""));
    cell.setOnMouseClicked(e -> {
      if (selected != null) {
        selected.getStyleClass().remove("cm-selected");
      }
      selected = cell;
      if (a != p) {
        cell.getStyleClass().add("cm-selected");
      }
      onCellClicked.accept(a, p);
    });
    return cell;
  }

  private String describe(int a, int p) {
    String actual = summary.classNames().get(a);
    String predicted = summary.classNames().get(p);
    long count = summary.confusion()[a][p];
    double percent = 100 * summary.rowShare(a, p);
    return a == p
        ? Messages.get("insight.results.cellRight", actual, count, percent)
        : Messages.get("insight.results.cellWrong", actual, predicted, count, percent);
  }
}
