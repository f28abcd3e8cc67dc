package org.tensorworkbench.ui.tensors;

import java.util.function.IntFunction;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.tensorworkbench.engine.lab.tensor.TensorValues;

/**
 * Draws a tensor of rank 0 to 4 as d2l pictures it: a vector as a row, a matrix as a grid, a
 * 3-D tensor as a stack of matrices (slice {@code [i]} above slice {@code [i+1]}), a 4-D tensor
 * as a row of such stacks. The row-major cell under the pointer is published as
 * {@link #hoveredProperty()} (-1 when none).
 */
public final class TensorCanvas extends Region {
  private static final double CELL_H = 24;
  private static final double MIN_CELL_W = 30;
  private static final double SLICE_GAP = 18;
  private static final double STACK_GAP = 26;
  private static final Font FONT = Font.font("Monospaced", 12);
  private static final Font LABEL_FONT = Font.font(10);

  private final Canvas canvas = new Canvas();
  private final IntegerProperty hovered = new SimpleIntegerProperty(-1);
  private final javafx.beans.property.ReadOnlyObjectWrapper<TensorValues> shown =
      new javafx.beans.property.ReadOnlyObjectWrapper<>();
  private TensorValues tensor;
  private IntFunction<CellLook> looks = i -> CellLook.plain();
  private double cellW = MIN_CELL_W;
  private double[][] cells = new double[0][];

  public TensorCanvas() {
    getChildren().add(canvas);
    getStyleClass().add("tensor-canvas");
    canvas.setOnMouseMoved(e -> hovered.set(cellAt(e.getX(), e.getY())));
    canvas.setOnMouseExited(e -> hovered.set(-1));
    hovered.addListener((obs, old, now) -> redraw());
  }

  /** The row-major position of the cell under the pointer, or -1. */
  public ReadOnlyIntegerProperty hoveredProperty() {
    return hovered;
  }

  /** Sets the hovered cell as if the pointer were on it (also used by linked canvases). */
  public void hover(int flat) {
    hovered.set(flat);
  }

  public TensorValues tensor() {
    return tensor;
  }

  /** The tensor drawn, or {@code null}. */
  public javafx.beans.property.ReadOnlyObjectProperty<TensorValues> tensorProperty() {
    return shown.getReadOnlyProperty();
  }

  /** Shows {@code t} (or nothing for {@code null}) with every cell drawn by {@code cellLooks}. */
  public void show(TensorValues t, IntFunction<CellLook> cellLooks) {
    this.tensor = t;
    this.looks = cellLooks == null ? i -> CellLook.plain() : cellLooks;
    hovered.set(-1);
    relayout();
    shown.set(t);
  }

  /** The full index of a row-major position, as PyTorch writes it, for the status line. */
  public String describe(int flat) {
    if (tensor == null || flat < 0) {
      return "";
    }
    return CellText.index(TensorValues.unravel(tensor.shape(), flat)) + " = " + CellText.format(tensor.at(flat), tensor.bool());
  }

  private void relayout() {
    if (tensor == null) {
      cells = new double[0][];
      canvas.setWidth(0);
      canvas.setHeight(0);
      setPrefSize(0, 0);
      return;
    }
    cellW = MIN_CELL_W;
    Text probe = new Text();
    probe.setFont(FONT);
    for (int i = 0; i < tensor.size(); i++) {
      CellLook look = looks.apply(i);
      probe.setText(look.label() != null ? look.label() : CellText.format(tensor.at(i), tensor.bool()));
      cellW = Math.max(cellW, probe.getLayoutBounds().getWidth() + 10);
    }
    int[] s = tensor.shape();
    int rank = s.length;
    int stacks = rank == 4 ? s[0] : 1;
    int slices = rank >= 3 ? s[rank - 3] : 1;
    int rows = rank >= 2 ? s[rank - 2] : 1;
    int cols = rank >= 1 ? s[rank - 1] : 1;
    double labelH = rank >= 3 ? 14 : 0;
    double sliceW = cols * cellW;
    double sliceH = labelH + rows * CELL_H;
    cells = new double[tensor.size()][];
    for (int flat = 0; flat < tensor.size(); flat++) {
      int[] idx = TensorValues.unravel(s, flat);
      int stack = rank == 4 ? idx[0] : 0;
      int slice = rank >= 3 ? idx[rank - 3] : 0;
      int row = rank >= 2 ? idx[rank - 2] : 0;
      int col = rank >= 1 ? idx[rank - 1] : 0;
      double x = 4 + stack * (sliceW + STACK_GAP) + col * cellW;
      double y = 4 + (rank == 4 ? 14 : 0) + slice * (sliceH + SLICE_GAP) + labelH + row * CELL_H;
      cells[flat] = new double[] {x, y};
    }
    double width = 8 + stacks * sliceW + (stacks - 1) * STACK_GAP;
    double height = 8 + (rank == 4 ? 14 : 0) + slices * sliceH + (slices - 1) * SLICE_GAP;
    canvas.setWidth(width);
    canvas.setHeight(height);
    setPrefSize(width, height);
    setMinSize(width, height);
    redraw();
  }

  private void redraw() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
    if (tensor == null) {
      return;
    }
    drawSliceLabels(g);
    g.setFont(FONT);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    for (int flat = 0; flat < cells.length; flat++) {
      CellLook look = looks.apply(flat);
      double x = cells[flat][0];
      double y = cells[flat][1];
      g.setGlobalAlpha(look.faded() ? 0.35 : 1.0);
      g.setFill(look.fill());
      g.fillRect(x, y, cellW, CELL_H);
      boolean strong = look.emphasized() || flat == hovered.get();
      g.setStroke(strong ? Color.web("#d9480f") : Color.web("#7a8aa6"));
      g.setLineWidth(strong ? 2.5 : 1);
      if (look.faded()) {
        g.setLineDashes(3, 3);
      }
      g.strokeRect(x + 0.5, y + 0.5, cellW - 1, CELL_H - 1);
      g.setLineDashes();
      g.setFill(Color.web("#1b2333"));
      g.fillText(look.label() != null ? look.label() : CellText.format(tensor.at(flat), tensor.bool()),
          x + cellW / 2, y + CELL_H / 2);
    }
    g.setGlobalAlpha(1);
  }

  private void drawSliceLabels(GraphicsContext g) {
    int[] s = tensor.shape();
    int rank = s.length;
    if (rank < 3) {
      return;
    }
    g.setFont(LABEL_FONT);
    g.setFill(Color.web("#55627a"));
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.BOTTOM);
    int stride = s[rank - 2] * s[rank - 1];
    for (int flat = 0; flat < cells.length; flat += stride) {
      int[] idx = TensorValues.unravel(s, flat);
      String label = rank == 4 ? "[" + idx[0] + ", " + idx[1] + "]" : "[" + idx[0] + "]";
      g.fillText(label, cells[flat][0], cells[flat][1] - 1);
      if (rank == 4 && idx[1] == 0) {
        g.fillText("[" + idx[0] + "]", cells[flat][0], cells[flat][1] - 15);
      }
    }
  }

  private int cellAt(double x, double y) {
    for (int flat = 0; flat < cells.length; flat++) {
      double cx = cells[flat][0];
      double cy = cells[flat][1];
      if (x >= cx && x < cx + cellW && y >= cy && y < cy + CELL_H) {
        return flat;
      }
    }
    return -1;
  }
}
