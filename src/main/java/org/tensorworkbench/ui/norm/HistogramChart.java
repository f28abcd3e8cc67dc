package org.tensorworkbench.ui.norm;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.tensorworkbench.engine.lab.norm.Histogram;

/** A small bar chart of one {@link Histogram}, with its range written under the axis. */
final class HistogramChart extends Canvas {
  private static final double W = 170;
  private static final double H = 80;

  HistogramChart() {
    super(W, H);
  }

  void show(Histogram h, Color color, String title) {
    GraphicsContext g = getGraphicsContext2D();
    g.clearRect(0, 0, W, H);
    g.setFont(Font.font(10));
    g.setFill(Color.web("#1b2333"));
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.TOP);
    g.fillText(title, 2, 0);
    double top = 14;
    double bottom = H - 14;
    int max = 1;
    for (int c : h.counts()) {
      max = Math.max(max, c);
    }
    double barW = (W - 4) / h.counts().length;
    g.setFill(color);
    for (int i = 0; i < h.counts().length; i++) {
      double barH = (bottom - top) * h.counts()[i] / max;
      g.fillRect(2 + i * barW, bottom - barH, Math.max(1, barW - 1), barH);
    }
    g.setStroke(Color.web("#7a8aa6"));
    g.strokeLine(2, bottom + 0.5, W - 2, bottom + 0.5);
    g.setFill(Color.web("#55627a"));
    g.setTextBaseline(VPos.TOP);
    g.fillText(String.format(Locale.ROOT, "%.1f", h.min()), 2, bottom + 2);
    g.setTextAlign(TextAlignment.RIGHT);
    g.fillText(String.format(Locale.ROOT, "%.1f", h.max()), W - 2, bottom + 2);
    if (h.min() < 0 && h.max() > 0) {
      double zero = 2 + (W - 4) * (-h.min()) / (h.max() - h.min());
      g.setStroke(Color.web("#adb5bd"));
      g.setLineDashes(2, 2);
      g.strokeLine(zero, top, zero, bottom);
      g.setLineDashes();
      if (zero > 30 && zero < W - 30) {
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("0", zero, bottom + 2);
      }
    }
  }
}
