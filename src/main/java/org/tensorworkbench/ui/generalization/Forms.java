package org.tensorworkbench.ui.generalization;

import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.tensors.LabControls;
import org.tensorworkbench.ui.training.DecimatedSeries;

/** The building blocks the lab's tabs share: labelled fields, buttons, the page and its explanation. */
final class Forms {
  /** Line colours, one per model or λ (Tableau 10). */
  static final List<Color> COLOURS = List.of(Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#e15759"),
      Color.web("#59a14f"), Color.web("#b07aa1"), Color.web("#76b7b2"), Color.web("#edc948"), Color.web("#9c755f"),
      Color.web("#ff9da7"), Color.web("#bab0ac"), Color.web("#1f2933"), Color.web("#2f9e44"));

  private Forms() {}

  static HBox field(String key, String id, StringProperty property, int columns) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefColumnCount(columns);
    f.textProperty().bindBidirectional(property);
    Label label = LabControls.label(key);
    label.setWrapText(false);
    label.setMinWidth(Region.USE_PREF_SIZE);
    HBox box = new HBox(6, label, f);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  static Button button(String key, String id, Runnable action) {
    Button b = new Button();
    b.setId(id);
    b.textProperty().bind(I18n.text(key));
    b.setOnAction(e -> action.run());
    b.setMinWidth(Region.USE_PREF_SIZE);
    return b;
  }

  /** A tab's page: title, what to look for, then the content, scrolling when the window is small. */
  static ScrollPane page(String id, String titleKey, String explainKey, Node... content) {
    Label explain = LabControls.label(explainKey);
    explain.setMinHeight(Region.USE_PREF_SIZE);
    explain.setStyle("-fx-text-fill: #3d4b5c;");
    Label title = LabControls.label(titleKey);
    title.setStyle("-fx-font-weight: bold;"); // follows the zoom, unlike a fixed size
    VBox box = new VBox(10, title, explain);
    box.getChildren().addAll(content);
    box.setPadding(new Insets(12));
    ScrollPane scroll = new ScrollPane(box);
    scroll.setId(id);
    scroll.setFitToWidth(true);
    return scroll;
  }

  /** A section heading in bold at the text size, so it follows the zoom (a fixed size would not). */
  static Label heading(String key) {
    Label l = LabControls.label(key);
    l.setStyle("-fx-font-weight: bold;");
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }

  /** The note under charts that draw training lines thin and test lines thick. */
  static Label linesNote() {
    Label note = LabControls.label("generalization.lines");
    note.setStyle("-fx-text-fill: #5b6775;");
    note.setMinHeight(Region.USE_PREF_SIZE);
    return note;
  }

  static DecimatedSeries series(double[] xs, double[] ys) {
    DecimatedSeries s = new DecimatedSeries(Math.max(8, 2 * xs.length + 8));
    for (int i = 0; i < xs.length; i++) {
      s.add(xs[i], ys[i]);
    }
    return s;
  }

  /** 1, 2, ..., n. */
  static double[] epochs(int n) {
    double[] e = new double[n];
    for (int i = 0; i < n; i++) {
      e[i] = i + 1;
    }
    return e;
  }
}
