package org.tensorworkbench.ui.norm;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.tensors.LabControls;

/** Edits the input batch (shape, per-channel mean and standard deviation) and BatchNorm's γ and β. */
final class NormInputEditor extends VBox {

  NormInputEditor(NormViewModel model, String idPrefix) {
    super(6);
    Button again = new Button();
    again.textProperty().bind(I18n.text("norm.input.drawAgain"));
    again.setOnAction(e -> model.drawAgain());
    FlowPane input = new FlowPane(8, 6,
        group(LabControls.label("norm.input.shape"), field(idPrefix + "-shape", model.shapeProperty(), 8)),
        group(LabControls.label("norm.input.means"), field(idPrefix + "-means", model.meansProperty(), 9)),
        group(LabControls.label("norm.input.stds"), field(idPrefix + "-stds", model.stdsProperty(), 9)),
        again);
    FlowPane affine = new FlowPane(8, 6,
        group(LabControls.label("norm.input.gamma"), field(idPrefix + "-gamma", model.gammaProperty(), 9)),
        group(LabControls.label("norm.input.beta"), field(idPrefix + "-beta", model.betaProperty(), 9)));
    getChildren().addAll(input, affine, LabControls.errorLine(model.errorProperty()));
  }

  private static HBox group(javafx.scene.Node label, javafx.scene.Node field) {
    HBox box = new HBox(6, label, field);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  private static TextField field(String id, javafx.beans.property.StringProperty property, int columns) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefColumnCount(columns);
    f.textProperty().bindBidirectional(property);
    return f;
  }
}
