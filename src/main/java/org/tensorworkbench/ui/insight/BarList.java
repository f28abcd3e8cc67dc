package org.tensorworkbench.ui.insight;

import java.util.List;
import java.util.function.DoubleFunction;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.geometry.Pos;

/**
 * Horizontal bars, one per class: a name, a bar whose length is a share in [0, 1], and the
 * value as text. Used for per-class accuracy and for the drawing's class probabilities.
 */
final class BarList extends GridPane {
  private final double barWidth;

  BarList(double barWidth) {
    this.barWidth = barWidth;
    getStyleClass().add("bar-list");
    setHgap(6);
    setVgap(2);
    ColumnConstraints name = new ColumnConstraints();
    name.setHgrow(Priority.NEVER);
    getColumnConstraints().setAll(name, new ColumnConstraints(barWidth), new ColumnConstraints());
  }

  /**
   * Shows one bar per name; a NaN value draws no bar and the text "–".
   *
   * @param highlight the row drawn in the accent colour (e.g. the predicted class), or -1
   */
  void show(List<String> names, double[] values, DoubleFunction<String> format, int highlight) {
    getChildren().clear();
    for (int i = 0; i < names.size(); i++) {
      Label name = new Label(names.get(i));
      name.getStyleClass().add("bar-name");
      name.setMinWidth(Region.USE_PREF_SIZE);
      Region bar = new Region();
      double v = values[i];
      double width = Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v)) * barWidth;
      bar.setMinSize(width, 10);
      bar.setPrefSize(width, 10);
      bar.setMaxSize(width, 10);
      bar.getStyleClass().add(i == highlight ? "bar-highlight" : "bar");
      StackPane track = new StackPane(bar);
      track.setAlignment(Pos.CENTER_LEFT);
      track.getStyleClass().add("bar-track");
      track.setMinWidth(barWidth);
      Label value = new Label(Double.isNaN(v) ? "–" : format.apply(v));
      value.getStyleClass().add("bar-value");
      value.setMinWidth(Region.USE_PREF_SIZE);
      value.setId(getId() == null ? null : getId() + "-value-" + i);
      addRow(i, name, track, value);
    }
  }
}
