package org.tensorworkbench.ui.insight;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.tensorworkbench.ui.common.I18n;

/** The key of the diverging colour map: "−" blue, white 0, red "+", and what the scale is. */
final class SignedLegend extends HBox {

  SignedLegend(String explanationKey) {
    super(6);
    setAlignment(Pos.CENTER_LEFT);
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
    getChildren().addAll(negative, ramp, positive, explanation);
  }
}
