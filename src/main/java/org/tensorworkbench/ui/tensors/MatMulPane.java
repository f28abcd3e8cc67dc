package org.tensorworkbench.ui.tensors;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.tensorworkbench.engine.lab.tensor.MatMulResult;
import org.tensorworkbench.engine.lab.tensor.Shapes;
import org.tensorworkbench.engine.lab.tensor.TensorValues;
import org.tensorworkbench.ui.common.I18n;

/**
 * The matrix-multiplication tab: A, B and A @ B. The explanation splits each shape into batch
 * dimensions (broadcast like elementwise operations) and the matrix dimensions
 * {@code (n, k) @ (k, m) -> (n, m)}; pointing at a result cell outlines the row of A and the
 * column of B whose dot product it is.
 */
public final class MatMulPane {
  private static final Color A_FILL = Color.web("#dbe8ff");
  private static final Color B_FILL = Color.web("#ffe8cc");
  private static final Color Z_FILL = Color.web("#d3f9d8");

  private final MatMulViewModel model;
  private final TensorCanvas a = new TensorCanvas();
  private final TensorCanvas b = new TensorCanvas();
  private final TensorCanvas z = new TensorCanvas();
  private final VBox explanation = new VBox(4);
  private final Label pointer = new Label();
  private final CodeLinesPane code = new CodeLinesPane();
  private final ScrollPane root;

  public MatMulPane(MatMulViewModel model) {
    this.model = model;
    MenuButton examples = new MenuButton();
    examples.setId("matmul-examples");
    examples.textProperty().bind(I18n.text("tensors.examples"));
    for (MatMulViewModel.Example e : MatMulViewModel.Example.values()) {
      MenuItem item = new MenuItem();
      item.textProperty().bind(I18n.text(e.key()));
      item.setOnAction(ev -> model.load(e));
      examples.getItems().add(item);
    }
    HBox controls = new HBox(8, examples);
    controls.setAlignment(Pos.CENTER_LEFT);
    pointer.setStyle("-fx-font-family: 'Monospaced';");
    z.setId("matmul-result");
    explanation.setId("matmul-explanation");
    FlowPane tensors = new FlowPane(28, 16,
        LabControls.captioned(LabControls.shapeCaption("A", a), a),
        LabControls.captioned(LabControls.shapeCaption("B", b), b),
        LabControls.captioned(LabControls.shapeCaption("A @ B", z), z));
    VBox content = new VBox(10,
        new OperandEditor("A", "matmul-a", model.a()),
        new OperandEditor("B", "matmul-b", model.b()),
        controls,
        LabControls.errorLine(model.errorProperty()),
        LabControls.section("tensors.section.rule", explanation),
        LabControls.section("tensors.section.tensors", new VBox(8, tensors, pointer)),
        LabControls.section("tensors.section.code", code));
    content.setPadding(new Insets(12));
    root = new ScrollPane(content);
    root.setFitToWidth(true);
    model.resultProperty().addListener((obs, old, r) -> show(r, -1));
    I18n.onChange(root, () -> show(model.resultProperty().get(), -1));
    z.hoveredProperty().addListener((obs, old, flat) -> outline(flat.intValue()));
    model.recompute();
  }

  public ScrollPane root() {
    return root;
  }

  private void show(MatMulResult r, int hoveredFlat) {
    explanation.getChildren().clear();
    if (r == null) {
      a.show(null, null);
      b.show(null, null);
      z.show(null, null);
      code.show(null);
      return;
    }
    explain(r);
    a.show(r.a(), i -> new CellLook(A_FILL, false, null, false));
    b.show(r.b(), i -> new CellLook(B_FILL, false, null, false));
    z.show(r.ok() ? r.result() : null, i -> new CellLook(Z_FILL, false, null, false));
    code.show(r.code());
  }

  private void explain(MatMulResult r) {
    int[] sa = r.a().shape();
    int[] sb = r.b().shape();
    int k = sa[sa.length - 1];
    int kb = sb.length == 1 ? sb[0] : sb[sb.length - 2];
    explanation.getChildren().add(new Label(I18n.get("tensors.matmul.core", k, kb,
        sa.length == 1 ? 1 : sa[sa.length - 2], sb.length == 1 ? 1 : sb[sb.length - 1])));
    if (r.batch() != null) {
      explanation.getChildren().add(new Label(r.batch().compatible()
          ? I18n.get("tensors.matmul.batch", Shapes.numpy(r.batch().shapeA()), Shapes.numpy(r.batch().shapeB()),
              Shapes.numpy(r.batch().resultShape()))
          : r.batch().failure().getMessage()));
    }
    if (sa.length == 1 || sb.length == 1) {
      explanation.getChildren().add(new Label(I18n.get("tensors.matmul.vector")));
    }
    if (!r.ok()) {
      Label err = new Label(r.error().getMessage() + "\nNumPy: " + r.numpyError());
      err.setWrapText(true);
      err.setStyle("-fx-text-fill: #c92a2a;");
      explanation.getChildren().add(err);
    } else {
      explanation.getChildren().add(new Label(I18n.get("tensors.matmul.result", Shapes.list(r.result().shape()))));
    }
  }

  /** Outlines the row of A and the column of B that make result cell {@code flat}. */
  private void outline(int flat) {
    MatMulResult r = model.resultProperty().get();
    if (r == null || !r.ok()) {
      return;
    }
    if (flat < 0) {
      a.show(r.a(), i -> new CellLook(A_FILL, false, null, false));
      b.show(r.b(), i -> new CellLook(B_FILL, false, null, false));
      pointer.setText("");
      return;
    }
    int[] full = fullIndex(r, TensorValues.unravel(r.result().shape(), flat)); // [batch.., i, j]
    int rank = full.length;
    int row = full[rank - 2];
    int col = full[rank - 1];
    a.show(r.a(), i -> new CellLook(A_FILL, false, null, usedBy(r.a().shape(), i, full, true, row)));
    b.show(r.b(), i -> new CellLook(B_FILL, false, null, usedBy(r.b().shape(), i, full, false, col)));
    int[] rowCells = java.util.stream.IntStream.range(0, r.a().size())
        .filter(i -> usedBy(r.a().shape(), i, full, true, row)).toArray();
    int[] colCells = java.util.stream.IntStream.range(0, r.b().size())
        .filter(i -> usedBy(r.b().shape(), i, full, false, col)).toArray();
    StringBuilder terms = new StringBuilder();
    for (int k = 0; k < rowCells.length; k++) {
      terms.append(k == 0 ? "" : " + ").append(CellText.format(r.a().at(rowCells[k]), false)).append('·')
          .append(CellText.format(r.b().at(colCells[k]), false));
    }
    pointer.setText("(A @ B)" + z.describe(flat) + " = " + terms + "   ("
        + I18n.get("tensors.matmul.pointer", row, col) + ")");
  }

  /** The result index with the dimensions a 1-D operand removed put back, so it reads [batch.., i, j]. */
  private static int[] fullIndex(MatMulResult r, int[] index) {
    int[] idx = index;
    if (r.a().rank() == 1) {
      idx = insert(idx, idx.length - (r.b().rank() == 1 ? 0 : 1), 0);
    }
    if (r.b().rank() == 1) {
      idx = insert(idx, idx.length, 0);
    }
    return idx;
  }

  private static int[] insert(int[] idx, int at, int value) {
    int[] out = new int[idx.length + 1];
    for (int i = 0, j = 0; i < out.length; i++) {
      out[i] = i == at ? value : idx[j++];
    }
    return out;
  }

  /** Whether operand cell {@code flat} is in the row (left) or column (right) used for result index {@code full}. */
  private static boolean usedBy(int[] shape, int flat, int[] full, boolean left, int line) {
    int[] idx = TensorValues.unravel(shape, flat);
    if (shape.length == 1) {
      return true;
    }
    int r = idx.length;
    int batchRank = r - 2;
    int offset = full.length - 2 - batchRank;
    for (int d = 0; d < batchRank; d++) {
      int want = shape[d] == 1 ? 0 : full[d + offset];
      if (idx[d] != want) {
        return false;
      }
    }
    return left ? idx[r - 2] == line : idx[r - 1] == line;
  }
}
