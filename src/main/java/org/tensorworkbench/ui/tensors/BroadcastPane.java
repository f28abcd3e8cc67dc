package org.tensorworkbench.ui.tensors;

import java.util.Arrays;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.tensorworkbench.engine.lab.tensor.BroadcastExplanation;
import org.tensorworkbench.engine.lab.tensor.BroadcastExplanation.Operand;
import org.tensorworkbench.engine.lab.tensor.BroadcastResult;
import org.tensorworkbench.engine.lab.tensor.DimensionStep;
import org.tensorworkbench.engine.lab.tensor.ElementwiseOp;
import org.tensorworkbench.engine.lab.tensor.Shapes;
import org.tensorworkbench.engine.lab.tensor.TensorValues;
import org.tensorworkbench.ui.common.I18n;

/**
 * The broadcasting tab: the rule as a table (shapes right-aligned, one column per dimension),
 * a sentence per dimension, the operands, the operands stretched with their virtual copies drawn
 * faded, and the result. Pointing at a result cell shows which operand cells made it.
 */
public final class BroadcastPane {
  private static final Color X_FILL = Color.web("#dbe8ff");
  private static final Color Y_FILL = Color.web("#ffe8cc");
  private static final Color Z_FILL = Color.web("#d3f9d8");

  private final BroadcastViewModel model;
  private final GridPane ruleTable = new GridPane();
  private final VBox steps = new VBox(2);
  private final TensorCanvas x = new TensorCanvas();
  private final TensorCanvas y = new TensorCanvas();
  private final TensorCanvas xStretched = new TensorCanvas();
  private final TensorCanvas yStretched = new TensorCanvas();
  private final TensorCanvas z = new TensorCanvas();
  private final Label pointer = new Label();
  private final Label numpyError = new Label();
  private final CodeLinesPane code = new CodeLinesPane();
  private final ScrollPane root;

  public BroadcastPane(BroadcastViewModel model) {
    this.model = model;
    ChoiceBox<ElementwiseOp> op = LabControls.choices(ElementwiseOp.values(),
        o -> "tensors.op." + o.name().toLowerCase(java.util.Locale.ROOT));
    op.setId("broadcast-op");
    op.valueProperty().bindBidirectional(model.opProperty());
    MenuButton examples = new MenuButton();
    examples.setId("broadcast-examples");
    examples.textProperty().bind(I18n.text("tensors.examples"));
    for (BroadcastViewModel.Example e : BroadcastViewModel.Example.values()) {
      MenuItem item = new MenuItem();
      item.textProperty().bind(I18n.text(e.key()));
      item.setId("example-" + e.name());
      item.setOnAction(ev -> model.load(e));
      examples.getItems().add(item);
    }
    Button again = new Button();
    again.textProperty().bind(I18n.text("tensors.drawAgain"));
    again.setOnAction(e -> model.drawAgain());
    HBox controls = new HBox(8, LabControls.label("tensors.operation"), op, examples, again);
    controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

    ruleTable.setHgap(14);
    ruleTable.setVgap(4);
    ruleTable.setId("broadcast-rule");
    steps.setId("broadcast-steps");
    VBox rule = new VBox(8, LabControls.label("tensors.rule.title"), ruleTable, steps);

    FlowPane tensors = new FlowPane(24, 16,
        LabControls.captioned(LabControls.shapeCaption("X", x), x),
        LabControls.captioned(LabControls.shapeCaption("Y", y), y),
        LabControls.captioned(I18n.text("tensors.stretched", "X"), xStretched),
        LabControls.captioned(I18n.text("tensors.stretched", "Y"), yStretched),
        LabControls.captioned(LabControls.shapeCaption("Z", z), z));
    z.setId("broadcast-result");
    pointer.setId("broadcast-pointer");
    pointer.setStyle("-fx-font-family: 'Monospaced';");
    numpyError.setStyle("-fx-font-family: 'Monospaced'; -fx-text-fill: #c92a2a;");
    numpyError.setWrapText(true);
    numpyError.setId("broadcast-numpy-error");

    VBox content = new VBox(10,
        new OperandEditor("X", "broadcast-x", model.x()),
        new OperandEditor("Y", "broadcast-y", model.y()),
        controls,
        LabControls.errorLine(model.errorProperty()),
        LabControls.section("tensors.section.rule", rule),
        LabControls.section("tensors.section.tensors", new VBox(8, tensors, pointer, LabControls.label("tensors.fadedHint"))),
        LabControls.section("tensors.section.code", new VBox(6, code, numpyError)));
    content.setPadding(new Insets(12));
    root = new ScrollPane(content);
    root.setFitToWidth(true);
    root.setId("tab-broadcast-content");

    model.resultProperty().addListener((obs, old, r) -> show(r));
    I18n.onChange(root, () -> show(model.resultProperty().get()));
    for (TensorCanvas c : new TensorCanvas[] {z, xStretched, yStretched}) {
      c.hoveredProperty().addListener((obs, old, flat) -> describe(flat.intValue()));
    }
    model.recompute();
  }

  public ScrollPane root() {
    return root;
  }

  private void show(BroadcastResult r) {
    ruleTable.getChildren().clear();
    steps.getChildren().clear();
    pointer.setText("");
    if (r == null) {
      for (TensorCanvas c : new TensorCanvas[] {x, y, xStretched, yStretched, z}) {
        c.show(null, null);
      }
      code.show(null);
      numpyError.setText("");
      return;
    }
    BroadcastExplanation e = r.explanation();
    fillRuleTable(e);
    for (DimensionStep s : e.steps()) {
      Label line = new Label(stepText(s));
      line.setWrapText(true);
      if (s.verdict() == DimensionStep.Verdict.MISMATCH) {
        line.setStyle("-fx-text-fill: #c92a2a;");
      }
      steps.getChildren().add(line);
    }
    steps.getChildren().add(new Label(e.compatible()
        ? I18n.get("tensors.step.result", Shapes.list(e.resultShape()))
        : e.failure().getMessage()));
    x.show(r.a(), i -> new CellLook(X_FILL, false, null, false));
    y.show(r.b(), i -> new CellLook(Y_FILL, false, null, false));
    if (r.compatible()) {
      int[] shape = r.result().shape();
      xStretched.show(r.stretchedA(), i -> new CellLook(X_FILL,
          !e.isOriginal(Operand.A, TensorValues.unravel(shape, i)), null, false));
      yStretched.show(r.stretchedB(), i -> new CellLook(Y_FILL,
          !e.isOriginal(Operand.B, TensorValues.unravel(shape, i)), null, false));
      z.show(r.result(), i -> new CellLook(Z_FILL, false, null, false));
      numpyError.setText("");
    } else {
      xStretched.show(null, null);
      yStretched.show(null, null);
      z.show(null, null);
      numpyError.setText("NumPy:   " + e.numpyError() + "\nPyTorch: " + e.pytorchError());
    }
    code.show(r.code());
  }

  private void fillRuleTable(BroadcastExplanation e) {
    int rank = e.rank();
    ruleTable.add(new Label(""), 0, 0);
    ruleTable.add(mono("X " + Shapes.numpy(e.shapeA())), 0, 1);
    ruleTable.add(mono("Y " + Shapes.numpy(e.shapeB())), 0, 2);
    ruleTable.add(new Label(I18n.get("tensors.rule.result")), 0, 3);
    for (DimensionStep s : e.steps()) {
      int col = s.axis() + 1;
      ruleTable.add(new Label(I18n.get("tensors.rule.dim", s.axis())), col, 0);
      ruleTable.add(sizeLabel(s.sizeA(), s.missingA()), col, 1);
      ruleTable.add(sizeLabel(s.sizeB(), s.missingB()), col, 2);
      Label verdict = new Label(switch (s.verdict()) {
        case EQUAL -> "= " + s.resultSize();
        case STRETCH_A -> s.resultSize() + "  (X ×" + s.resultSize() + ")";
        case STRETCH_B -> s.resultSize() + "  (Y ×" + s.resultSize() + ")";
        case MISMATCH -> "✗";
      });
      verdict.setStyle(s.verdict() == DimensionStep.Verdict.MISMATCH
          ? "-fx-text-fill: #c92a2a; -fx-font-weight: bold;" : "-fx-font-weight: bold;");
      ruleTable.add(verdict, col, 3);
    }
    ruleTable.add(new Label(I18n.get("tensors.rule.order", rank)), 0, 4, rank + 1, 1);
  }

  private static Label sizeLabel(int size, boolean missing) {
    Label l = mono(missing ? "(1)" : Integer.toString(size));
    if (missing) {
      l.setStyle(l.getStyle() + "-fx-text-fill: #98a2b3;");
    }
    return l;
  }

  private static Label mono(String text) {
    Label l = new Label(text);
    l.setStyle("-fx-font-family: 'Monospaced';");
    return l;
  }

  private static String stepText(DimensionStep s) {
    String key = switch (s.verdict()) {
      case EQUAL -> "tensors.step.equal";
      case STRETCH_A -> s.missingA() ? "tensors.step.stretchMissing" : "tensors.step.stretch";
      case STRETCH_B -> s.missingB() ? "tensors.step.stretchMissing" : "tensors.step.stretch";
      case MISMATCH -> "tensors.step.mismatch";
    };
    String stretched = s.verdict() == DimensionStep.Verdict.STRETCH_B ? "Y" : "X";
    return I18n.get(key, s.axis(), s.sizeA(), s.sizeB(), s.resultSize(), stretched, s.fromRight());
  }

  private void describe(int flat) {
    BroadcastResult r = model.resultProperty().get();
    if (r == null || !r.compatible() || flat < 0) {
      pointer.setText("");
      return;
    }
    int[] index = TensorValues.unravel(r.result().shape(), flat);
    int[] ia = sourceIndex(index, r.explanation().paddedA(), r.a().rank());
    int[] ib = sourceIndex(index, r.explanation().paddedB(), r.b().rank());
    pointer.setText("Z" + CellText.index(index) + " = X" + CellText.index(ia) + " " + r.op().symbol() + " Y"
        + CellText.index(ib) + " = " + CellText.format(r.a().get(ia), false) + " " + r.op().symbol() + " "
        + CellText.format(r.b().get(ib), false) + " = " + CellText.format(r.result().at(flat), r.result().bool()));
  }

  /** The operand's own index for a result index: stretched dimensions read index 0, padded ones are dropped. */
  private static int[] sourceIndex(int[] resultIndex, int[] padded, int rank) {
    int offset = padded.length - rank;
    int[] own = new int[rank];
    for (int d = 0; d < rank; d++) {
      own[d] = padded[d + offset] == 1 ? 0 : resultIndex[d + offset];
    }
    return Arrays.copyOf(own, rank);
  }
}
