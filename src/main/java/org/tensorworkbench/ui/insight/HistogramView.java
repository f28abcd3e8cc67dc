package org.tensorworkbench.ui.insight;

import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Bars of a {@link WeightHistogram} with its range below and zero marked. */
final class HistogramView extends Canvas {
  private static final double AXIS = 16;
  private static final Color BAR = Color.web("#2563a8");
  private static final Color ZERO = Color.web("#b2182b");
  private WeightHistogram histogram;

  HistogramView(double width, double height) {
    super(width, height);
  }

  WeightHistogram histogram() {
    return histogram;
  }

  void show(WeightHistogram newHistogram) {
    this.histogram = newHistogram;
    GraphicsContext g = getGraphicsContext2D();
    double w = getWidth();
    double h = getHeight() - AXIS;
    g.clearRect(0, 0, w, getHeight());
    g.setFill(Color.web("#f6f8fb"));
    g.fillRect(0, 0, w, h);
    if (newHistogram == null) {
      return;
    }
    int[] counts = newHistogram.counts();
    double peak = Math.max(1, newHistogram.peak());
    double bin = w / counts.length;
    g.setFill(BAR);
    for (int i = 0; i < counts.length; i++) {
      double bar = counts[i] / peak * (h - 4);
      g.fillRect(i * bin + 0.5, h - bar, Math.max(1, bin - 1), bar);
    }
    double min = newHistogram.min();
    double max = newHistogram.max();
    if (min < 0 && max > 0) {
      double x = (0 - min) / (max - min) * w;
      g.setStroke(ZERO);
      g.setLineDashes(3, 3);
      g.strokeLine(x, 0, x, h);
      g.setLineDashes();
      if (x > 45 && x < w - 45) { // clear of the range labels
        g.setFill(ZERO);
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("0", x, getHeight() - 3);
      }
    }
    g.setFill(Color.web("#1f2933"));
    g.setFont(Font.font(11));
    g.setTextAlign(TextAlignment.LEFT);
    g.fillText(format(min), 2, getHeight() - 3);
    g.setTextAlign(TextAlignment.RIGHT);
    g.fillText(format(max), w - 2, getHeight() - 3);
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
