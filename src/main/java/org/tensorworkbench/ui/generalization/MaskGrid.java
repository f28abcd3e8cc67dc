package org.tensorworkbench.ui.generalization;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.tensorworkbench.engine.image.ColourMaps;
import org.tensorworkbench.engine.lab.generalization.DropoutMasks;
import org.tensorworkbench.ui.common.Appearance;

/**
 * One heat map of the mask panel: hidden units down, the minibatch's examples across, each cell
 * coloured by its value (white 0 to blue, one scale for the three maps) with the value written in
 * it. In the training map a dropped unit is grey and crossed out.
 */
final class MaskGrid extends Canvas {
  /** What the grid shows of a {@link DropoutMasks.Sample}. */
  enum Kind { BEFORE, TRAINING, INFERENCE }

  private static final Color CROSS = Color.web("#c92a2a");
  private static final Color INK = Color.web("#1f2933");
  private final Kind kind;

  MaskGrid(Kind kind) {
    this.kind = kind;
  }

  /** Draws the hidden units {@code rows} (0-based) of {@code s}, colours scaled to {@code max}. */
  void show(DropoutMasks.Sample s, int[] rows, double max) {
    int units = rows.length;
    double font = Appearance.fontSize(Appearance.zoomPercent()) * 0.8;
    double cellW = font * 3.6;
    double cellH = font * 1.7;
    double left = font * 3;
    double top = font * 1.8;
    setWidth(left + cellW * s.examples() + 1);
    setHeight(top + cellH * units + 1);
    GraphicsContext g = getGraphicsContext2D();
    g.setFill(Color.WHITE);
    g.fillRect(0, 0, getWidth(), getHeight());
    g.setFont(Font.font(font));
    g.setTextBaseline(VPos.CENTER);
    g.setTextAlign(TextAlignment.CENTER);
    g.setFill(INK);
    for (int e = 0; e < s.examples(); e++) {
      g.fillText("#" + (e + 1), left + (e + 0.5) * cellW, top / 2);
    }
    g.setTextAlign(TextAlignment.RIGHT);
    for (int u = 0; u < units; u++) {
      g.fillText(Integer.toString(rows[u] + 1), left - font * 0.4, top + (u + 0.5) * cellH);
    }
    g.setTextAlign(TextAlignment.CENTER);
    for (int u = 0; u < units; u++) {
      for (int e = 0; e < s.examples(); e++) {
        int i = s.index(rows[u], e);
        double x = left + e * cellW;
        double y = top + u * cellH;
        boolean dropped = kind == Kind.TRAINING && !s.kept()[i];
        float value = value(s, i);
        int argb = dropped ? 0xffe9ecef : ColourMaps.heat(max > 0 ? value / max : 0);
        g.setFill(Color.rgb(argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff));
        g.fillRect(x, y, cellW, cellH);
        g.setStroke(Color.web("#dee2e6"));
        g.setLineWidth(0.5);
        g.strokeRect(x, y, cellW, cellH);
        if (dropped) {
          g.setStroke(CROSS);
          g.setLineWidth(1.5);
          g.strokeLine(x + 3, y + 3, x + cellW - 3, y + cellH - 3);
          g.strokeLine(x + 3, y + cellH - 3, x + cellW - 3, y + 3);
        } else {
          g.setFill(ColourMaps.isDark(argb) ? Color.WHITE : INK);
          g.fillText(String.format(Locale.ROOT, "%.2f", value), x + cellW / 2, y + cellH / 2);
        }
      }
    }
  }

  private float value(DropoutMasks.Sample s, int i) {
    return switch (kind) {
      case BEFORE -> s.before()[i];
      case TRAINING -> s.training()[i];
      case INFERENCE -> s.inference()[i];
    };
  }
}
