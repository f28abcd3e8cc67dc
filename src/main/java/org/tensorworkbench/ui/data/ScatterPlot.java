package org.tensorworkbench.ui.data;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/** A scatter plot of points on a canvas, coloured by class (or one colour for regression); also the Tuning Lab's objective-versus-hyperparameter plot. */
public final class ScatterPlot {
  /** Tableau 10: distinguishable class colours. */
  public static final Color[] PALETTE = {
      Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#e15759"), Color.web("#76b7b2"), Color.web("#59a14f"),
      Color.web("#edc948"), Color.web("#b07aa1"), Color.web("#ff9da7"), Color.web("#9c755f"), Color.web("#bab0ac")};
  private static final double MARGIN = 56;

  private final Canvas canvas = new Canvas(440, 340);

  public ScatterPlot() {
    canvas.setId("dataset-scatter");
  }

  public Canvas node() {
    return canvas;
  }

  public void show(float[] xs, float[] ys, int[] classes, String xName, String yName) {
    GraphicsContext g = canvas.getGraphicsContext2D();
    double width = canvas.getWidth();
    double height = canvas.getHeight();
    g.setFill(Color.WHITE);
    g.fillRect(0, 0, width, height);
    if (xs.length == 0) {
      return;
    }
    double[] xr = range(xs);
    double[] yr = range(ys);
    double plotW = width - 2 * MARGIN;
    double plotH = height - 2 * MARGIN;
    g.setStroke(Color.gray(0.6));
    g.strokeRect(MARGIN, MARGIN, plotW, plotH);
    for (int i = 0; i < xs.length; i++) {
      double px = MARGIN + (xs[i] - xr[0]) / (xr[1] - xr[0]) * plotW;
      double py = MARGIN + plotH - (ys[i] - yr[0]) / (yr[1] - yr[0]) * plotH;
      g.setFill(classes.length > 0 ? PALETTE[classes[i] % PALETTE.length] : PALETTE[0]);
      g.fillOval(px - 2, py - 2, 4, 4);
    }
    g.setFill(Color.gray(0.25));
    g.setTextBaseline(VPos.TOP);
    g.setTextAlign(TextAlignment.LEFT);
    g.fillText(format(xr[0]), MARGIN, MARGIN + plotH + 4);
    g.setTextAlign(TextAlignment.RIGHT);
    g.fillText(format(xr[1]), MARGIN + plotW, MARGIN + plotH + 4);
    g.setTextAlign(TextAlignment.CENTER);
    g.fillText(xName, MARGIN + plotW / 2, MARGIN + plotH + 18);
    g.setTextAlign(TextAlignment.RIGHT);
    g.setTextBaseline(VPos.CENTER);
    g.fillText(format(yr[1]), MARGIN - 4, MARGIN);
    g.fillText(format(yr[0]), MARGIN - 4, MARGIN + plotH);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.BOTTOM);
    g.fillText(yName, MARGIN, MARGIN - 6);
  }

  private static double[] range(float[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (float v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double pad = max > min ? (max - min) * 0.04 : 1;
    return new double[] {min - pad, max + pad};
  }

  static String format(double v) {
    return Math.abs(v) >= 1000 || v == Math.rint(v) ? String.format("%.0f", v) : String.format("%.3g", v);
  }
}
