package org.tensorworkbench.ui.insight;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tensorworkbench.ui.common.I18n;

/** The key of the diverging colour map: "−" blue, white 0, red "+", and what the scale is. */
final class SignedLegend extends VBox {

  SignedLegend(String explanationKey) {
    super(2);
    Region ramp = new Region();
    ramp.getStyleClass().add("signed-ramp");
    ramp.setMinSize(120, 12);
    ramp.setMaxSize(120, 12);
    Label negative = new Label("−");
    Label positive = new Label("+");
    Label explanation = new Label();
    explanation.textProperty().bind(I18n.text(explanationKey));
    explanation.getStyleClass().add("insight-note");
    explanation.setWrapText(true);
    HBox scale = new HBox(6, negative, ramp, positive);
    scale.setAlignment(Pos.CENTER_LEFT);
    getChildren().addAll(scale, explanation);
  }
}
