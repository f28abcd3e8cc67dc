package org.tensorworkbench.ui.tensors;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.tensorworkbench.engine.lab.tensor.TensorSource;

/** Edits one {@link OperandModel}: name, shape, source of values and (for typed values) the numbers. */
public final class OperandEditor extends HBox {

  public OperandEditor(String name, String idPrefix, OperandModel model) {
    super(8);
    Label title = new Label(name);
    title.setStyle("-fx-font-family: 'Monospaced'; -fx-font-weight: bold;");
    TextField shape = new TextField();
    shape.setId(idPrefix + "-shape");
    shape.setPrefColumnCount(9);
    shape.textProperty().bindBidirectional(model.shapeProperty());
    ChoiceBox<TensorSource> source = LabControls.choices(TensorSource.values(),
        s -> "tensors.source." + s.name().toLowerCase(java.util.Locale.ROOT));
    source.setId(idPrefix + "-source");
    source.valueProperty().bindBidirectional(model.sourceProperty());
    TextField typed = new TextField();
    typed.setId(idPrefix + "-typed");
    typed.setPrefColumnCount(16);
    typed.promptTextProperty().bind(org.tensorworkbench.ui.common.I18n.text("tensors.typed.prompt"));
    typed.textProperty().bindBidirectional(model.typedProperty());
    typed.visibleProperty().bind(model.sourceProperty().isEqualTo(TensorSource.TYPED));
    typed.managedProperty().bind(typed.visibleProperty());
    setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    getChildren().addAll(title, LabControls.label("tensors.shape"), shape, source, typed);
  }
}
