package org.tensorworkbench.ui.norm;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.tensors.LabControls;

/** Edits the input batch (shape, per-channel mean and standard deviation) and BatchNorm's γ and β. */
final class NormInputEditor extends VBox {

  NormInputEditor(NormViewModel model, String idPrefix) {
    super(6);
    Button again = new Button();
    again.textProperty().bind(I18n.text("norm.input.drawAgain"));
    again.setOnAction(e -> model.drawAgain());
    ChoiceBox<NormViewModel.Source> source = LabControls.choices(NormViewModel.Source.values(),
        s -> "norm.input.source." + s.name().toLowerCase(java.util.Locale.ROOT));
    source.setId(idPrefix + "-source");
    source.valueProperty().bindBidirectional(model.sourceProperty());
    FlowPane random = new FlowPane(8, 6,
        group(LabControls.label("norm.input.shape"), field(idPrefix + "-shape", model.shapeProperty(), 8)),
        group(LabControls.label("norm.input.means"), field(idPrefix + "-means", model.meansProperty(), 9)),
        group(LabControls.label("norm.input.stds"), field(idPrefix + "-stds", model.stdsProperty(), 9)),
        again);
    VBox lenet = new VBox(6, new FlowPane(8, 6,
        group(LabControls.label("norm.input.lenetBatch"), field(idPrefix + "-lenet-batch", model.lenetBatchProperty(), 3)),
        group(LabControls.label("norm.input.lenetWindow"), field(idPrefix + "-lenet-window", model.lenetWindowProperty(), 3))),
        weightsLine(model, idPrefix), LabControls.label("norm.input.lenetNote"));
    showOnlyFor(random, model, NormViewModel.Source.RANDOM);
    showOnlyFor(lenet, model, NormViewModel.Source.LENET_CONV1);
    HBox choice = group(LabControls.label("norm.input.source"), source);
    FlowPane affine = new FlowPane(8, 6,
        group(LabControls.label("norm.input.gamma"), field(idPrefix + "-gamma", model.gammaProperty(), 9)),
        group(LabControls.label("norm.input.beta"), field(idPrefix + "-beta", model.betaProperty(), 9)));
    getChildren().addAll(choice, random, lenet, affine, LabControls.errorLine(model.errorProperty()));
  }

  /** Says which weights LeNet's convolution uses: the experiment's trained ones or the initial ones. */
  private static Label weightsLine(NormViewModel model, String idPrefix) {
    Label weights = new Label();
    weights.setId(idPrefix + "-lenet-weights");
    weights.setWrapText(true);
    weights.getStyleClass().add("lab-weights");
    weights.textProperty().bind(Bindings.createStringBinding(() -> {
      TrainedLeNet t = model.trainedLeNetProperty().get();
      return t == null ? Messages.get("norm.weights.initial", model.initialWeightsSeed())
          : Messages.get("norm.weights.trained", t.settings().trainImages(), t.epochs(),
              Double.toString(t.settings().learningRate()), t.testAccuracy());
    }, model.trainedLeNetProperty(), I18n.localeProperty(), model.sourceProperty(), model.lenetBatchProperty()));
    return weights;
  }

  private static void showOnlyFor(javafx.scene.Node node, NormViewModel model, NormViewModel.Source source) {
    node.visibleProperty().bind(model.sourceProperty().isEqualTo(source));
    node.managedProperty().bind(node.visibleProperty());
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
