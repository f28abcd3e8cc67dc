package org.tensorworkbench.ui.generalization;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.tensorworkbench.ui.common.Appearance;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.SegmentClip;
import org.tensorworkbench.ui.training.AxisTicks;

/**
 * Points and fitted curves on one pair of axes: training points filled, test points hollow, each
 * model's curve in its colour and the true curve dashed. {@code CurveChart} draws lines joined
 * point to point, which suits curves over epochs but not a cloud of points, hence this plot.
 * The y range follows the points (a wild degree-19 curve leaves the frame rather than squash
 * the data).
 */
final class FitPlot extends Region {
  /** A curve to draw. */
  record Curve(String label, Color color, double[] x, double[] y, boolean dashed) {}

  private final Canvas canvas = new Canvas();
  private double[] trainX = new double[0];
  private double[] trainY = new double[0];
  private double[] testX = new double[0];
  private double[] testY = new double[0];
  private List<Curve> curves = List.of();

  FitPlot() {
    getChildren().add(canvas);
    setMinSize(200, 160);
    setPrefSize(460, 300);
    I18n.onChange(this, () -> redraw());
    Appearance.onZoomChange(this, () -> redraw());
  }

  void show(double[] newTrainX, double[] newTrainY, double[] newTestX, double[] newTestY, List<Curve> newCurves) {
    trainX = newTrainX;
    trainY = newTrainY;
    testX = newTestX;
    testY = newTestY;
    curves = List.copyOf(newCurves);
    redraw();
  }

  /** The curves shown now (for tests). */
  List<Curve> curves() {
    return curves;
  }

  @Override
  protected void layoutChildren() {
    double w = snapSizeX(getWidth());
    double h = snapSizeY(getHeight());
    if (canvas.getWidth() != w || canvas.getHeight() != h) {
      canvas.setWidth(w);
      canvas.setHeight(h);
      redraw();
    }
  }

  private void redraw() {
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setFill(Color.WHITE);
    g.fillRect(0, 0, w, h);
    double fontSize = Appearance.fontSize(Appearance.zoomPercent()) * 0.85;
    String family = "zh".equals(I18n.localeProperty().get().getLanguage()) ? Appearance.chineseFont() : null;
    g.setFont(family == null ? Font.font(fontSize) : Font.font(family, fontSize));
    double left = 52 * fontSize / 11;
    double top = 8 + fontSize * 1.6;
    double bottom = 24 * fontSize / 11;
    double plotW = w - left - 12;
    double plotH = h - top - bottom;
    if (plotW < 20 || plotH < 20 || trainX.length == 0) {
      return;
    }
    double[] xr = range(trainX, testX);
    double[] yr = range(trainY, testY);
    double pad = (yr[1] - yr[0]) * 0.15 + 1e-9;
    yr[0] -= pad;
    yr[1] += pad;
    g.setLineWidth(1);
    g.setTextBaseline(VPos.CENTER);
    g.setTextAlign(TextAlignment.RIGHT);
    for (double v : AxisTicks.nice(yr[0], yr[1], 5)) {
      double py = top + plotH - (v - yr[0]) / (yr[1] - yr[0]) * plotH;
      g.setStroke(Color.web("#e3e8ef"));
      g.strokeLine(left, py, left + plotW, py);
      g.setFill(Color.web("#5b6775"));
      g.fillText(AxisTicks.format(v), left - 4, py);
    }
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    for (double v : AxisTicks.nice(xr[0], xr[1], 6)) {
      double px = left + (v - xr[0]) / (xr[1] - xr[0]) * plotW;
      g.fillText(AxisTicks.format(v), px, top + plotH + 3);
    }
    g.setStroke(Color.web("#5b6775"));
    g.strokeRect(left, top, plotW, plotH);
    // inside the plot only, clipped by hand (SegmentClip): a canvas clip costs the render thread
    // a mask texture at every redraw
    double right = left + plotW;
    double bottomY = top + plotH;
    g.setStroke(Color.web("#868e96"));
    for (int i = 0; i < testX.length; i++) {
      double px = px(testX[i], xr, left, plotW);
      double py = py(testY[i], yr, top, plotH);
      if (px >= left && px <= right && py >= top && py <= bottomY) {
        g.strokeOval(px - 3, py - 3, 6, 6);
      }
    }
    g.setFill(Color.web("#343a40"));
    for (int i = 0; i < trainX.length; i++) {
      double px = px(trainX[i], xr, left, plotW);
      double py = py(trainY[i], yr, top, plotH);
      if (px >= left && px <= right && py >= top && py <= bottomY) {
        g.fillOval(px - 3, py - 3, 6, 6);
      }
    }
    double[] seg = new double[4];
    for (Curve c : curves) {
      g.setStroke(c.color());
      g.setLineWidth(c.dashed() ? 1.5 : 2.5);
      g.setLineDashes(c.dashed() ? new double[] {6, 4} : null);
      g.beginPath();
      double penX = Double.NaN;
      double penY = Double.NaN;
      for (int i = 1; i < c.x().length; i++) {
        seg[0] = px(c.x()[i - 1], xr, left, plotW);
        seg[1] = Math.max(-1e6, Math.min(1e6, py(c.y()[i - 1], yr, top, plotH)));
        seg[2] = px(c.x()[i], xr, left, plotW);
        seg[3] = Math.max(-1e6, Math.min(1e6, py(c.y()[i], yr, top, plotH)));
        if (SegmentClip.clip(seg, left, top, right, bottomY)) {
          if (seg[0] != penX || seg[1] != penY) {
            g.moveTo(seg[0], seg[1]);
          }
          g.lineTo(seg[2], seg[3]);
          penX = seg[2];
          penY = seg[3];
        }
      }
      g.stroke();
    }
    g.setLineDashes(null);
    // legend on top: training points, test points, then the curves
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.TOP);
    double x = left;
    double y = 4;
    g.setFill(Color.web("#343a40"));
    g.fillOval(x, y + fontSize / 2 - 3, 6, 6);
    x = legendText(g, I18n.get("generalization.poly.trainPoints"), x + 10, y, fontSize);
    g.setStroke(Color.web("#868e96"));
    g.strokeOval(x, y + fontSize / 2 - 3, 6, 6);
    x = legendText(g, I18n.get("generalization.poly.testPoints"), x + 10, y, fontSize);
    for (Curve c : curves) {
      if (x + 60 > w) {
        break;
      }
      g.setStroke(c.color());
      g.setLineWidth(3);
      g.strokeLine(x, y + fontSize / 2 + 1, x + 13, y + fontSize / 2 + 1);
      x = legendText(g, c.label(), x + 17, y, fontSize);
    }
  }

  private static double legendText(GraphicsContext g, String text, double x, double y, double fontSize) {
    g.setFill(Color.web("#1f2933"));
    g.fillText(text, x, y);
    javafx.scene.text.Text t = new javafx.scene.text.Text(text);
    t.setFont(g.getFont());
    return x + t.getLayoutBounds().getWidth() + fontSize;
  }

  private static double px(double x, double[] xr, double left, double plotW) {
    return left + (x - xr[0]) / (xr[1] - xr[0]) * plotW;
  }

  private static double py(double y, double[] yr, double top, double plotH) {
    return top + plotH - (y - yr[0]) / (yr[1] - yr[0]) * plotH;
  }

  private static double[] range(double[] a, double[] b) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] values : new double[][] {a, b}) {
      for (double v : values) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    return hi > lo ? new double[] {lo, hi} : new double[] {lo - 1, hi + 1};
  }
}
