package org.tensorworkbench.ui.tensors;

import java.util.Arrays;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.tensorworkbench.engine.lab.tensor.ShapeOpResult;
import org.tensorworkbench.ui.common.I18n;

/**
 * The shape-operations tab. Cells are numbered in row-major order: after a reshape the numbers
 * still run 0, 1, 2, ... (the data did not move), after a transpose or permute they are shuffled
 * (each cell shows where it came from). For sum and mean, pointing at a result cell outlines the
 * input cells that were added into it.
 */
public final class ShapeOpsPane {
  private static final Color IN_FILL = Color.web("#dbe8ff");
  private static final Color OUT_FILL = Color.web("#d3f9d8");

  private final ShapeOpsViewModel model;
  private final TensorCanvas input = new TensorCanvas();
  private final TensorCanvas output = new TensorCanvas();
  private final CheckBox numbers = new CheckBox();
  private final Label explanation = new Label();
  private final Label pointer = new Label();
  private final CodeLinesPane code = new CodeLinesPane();
  private final ScrollPane root;

  public ShapeOpsPane(ShapeOpsViewModel model) {
    this.model = model;
    ChoiceBox<ShapeOpsViewModel.Kind> kind = LabControls.choices(ShapeOpsViewModel.Kind.values(),
        k -> "tensors.shapeop." + k.name().toLowerCase(java.util.Locale.ROOT));
    kind.setId("shapeop-kind");
    kind.valueProperty().bindBidirectional(model.kindProperty());
    TextField argument = new TextField();
    argument.setId("shapeop-argument");
    argument.setPrefColumnCount(8);
    argument.textProperty().bindBidirectional(model.argumentProperty());
    Label argumentLabel = new Label();
    argumentLabel.textProperty().bind(Bindings.createStringBinding(() -> I18n.get("tensors.shapeop.argument."
        + model.kindProperty().get().name().toLowerCase(java.util.Locale.ROOT)), model.kindProperty(), I18n.localeProperty()));
    CheckBox keep = new CheckBox("keepdims");
    keep.setId("shapeop-keepdims");
    keep.selectedProperty().bindBidirectional(model.keepDimsProperty());
    keep.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.kindProperty().get().reduces(), model.kindProperty()));
    keep.managedProperty().bind(keep.visibleProperty());
    numbers.textProperty().bind(I18n.text("tensors.shapeop.numbers"));
    numbers.setSelected(true);
    numbers.selectedProperty().addListener(obs -> show(model.resultProperty().get()));
    HBox controls = new HBox(8, LabControls.label("tensors.operation"), kind, argumentLabel, argument, keep, numbers);
    controls.setAlignment(Pos.CENTER_LEFT);
    explanation.setWrapText(true);
    pointer.setStyle("-fx-font-family: 'Monospaced';");
    output.setId("shapeop-output");

    FlowPane tensors = new FlowPane(32, 16,
        LabControls.captioned(LabControls.shapeCaption("X", input), input),
        LabControls.captioned(LabControls.shapeCaption("Y", output), output));
    VBox content = new VBox(10,
        new OperandEditor("X", "shapeop-x", model.input()),
        controls,
        LabControls.errorLine(model.errorProperty()),
        explanation,
        LabControls.section("tensors.section.tensors", new VBox(8, tensors, pointer)),
        LabControls.section("tensors.section.code", code));
    content.setPadding(new Insets(12));
    root = new ScrollPane(content);
    root.setFitToWidth(true);

    model.resultProperty().addListener((obs, old, r) -> show(r));
    I18n.onChange(root, () -> show(model.resultProperty().get()));
    output.hoveredProperty().addListener((obs, old, flat) -> highlightInputsOf(flat.intValue()));
    input.hoveredProperty().addListener((obs, old, flat) -> pointer.setText(input.describe(flat.intValue())));
    model.recompute();
  }

  public ScrollPane root() {
    return root;
  }

  private void show(ShapeOpResult r) {
    pointer.setText("");
    if (r == null) {
      input.show(null, null);
      output.show(null, null);
      explanation.setText("");
      code.show(null);
      return;
    }
    ShapeOpsViewModel.Kind kind = model.kindProperty().get();
    explanation.setText(I18n.get("tensors.shapeop.explain." + kind.name().toLowerCase(java.util.Locale.ROOT)));
    boolean numbered = numbers.isSelected() && !kind.reduces();
    input.show(r.input(), i -> new CellLook(IN_FILL, false, numbered ? "#" + i : null, false));
    int[] sourceOf = new int[r.output().size()];
    for (int i = 0; i < r.outputOfInput().length; i++) {
      sourceOf[r.outputOfInput()[i]] = i;
    }
    output.show(r.output(), o -> new CellLook(OUT_FILL, false, numbered ? "#" + sourceOf[o] : null, false));
    code.show(r.code());
  }

  private void highlightInputsOf(int outFlat) {
    ShapeOpResult r = model.resultProperty().get();
    if (r == null) {
      return;
    }
    boolean numbered = numbers.isSelected() && !model.kindProperty().get().reduces();
    int[] inputs = outFlat < 0 ? new int[0] : r.inputsOf(outFlat);
    input.show(r.input(), i -> new CellLook(IN_FILL, false, numbered ? "#" + i : null,
        Arrays.stream(inputs).anyMatch(k -> k == i)));
    if (outFlat >= 0) {
      StringBuilder from = new StringBuilder();
      for (int k : inputs) {
        from.append(from.length() == 0 ? "" : ", ").append(input.describe(k));
      }
      pointer.setText("Y" + output.describe(outFlat) + "   ←   X" + from);
    } else {
      pointer.setText("");
    }
  }
}
