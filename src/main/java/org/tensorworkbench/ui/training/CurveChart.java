package org.tensorworkbench.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.tensorworkbench.ui.common.Appearance;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.SegmentClip;

/**
 * A line chart drawn on a canvas, made for live training curves: it redraws only when told
 * ({@link #redraw()}, or {@link #redrawIfChanged()} for the frames of a live run), draws only
 * the visible part of each {@link DecimatedSeries} (at most a few thousand points), and offers what a student needs to read a curve: a log scale, zoom on
 * the x axis (drag across a range or scroll; double-click shows everything again), and the
 * values of every line under the mouse.
 */
public final class CurveChart extends Region {
  private static final Color GRID = Color.web("#e3e8ef");
  private static final Color AXIS = Color.web("#5b6775");
  private static final Color INK = Color.web("#1f2933");
  private static final double LEFT = 58;
  private static final double RIGHT = 12;
  private static final double TOP = 40;
  private static final double BOTTOM = 30;

  private final Canvas canvas = new Canvas();
  private final StringExpression title;
  private final StringExpression xLabel;
  private final BooleanProperty logScale = new SimpleBooleanProperty();
  private List<Line> lines = List.of();
  private double referenceY = Double.NaN;
  private double zoomMin = Double.NaN;
  private double zoomMax = Double.NaN;
  private double hoverX = Double.NaN;
  private double dragStart = Double.NaN;
  private double dragEnd = Double.NaN;
  private boolean fixedUnitRange;
  private boolean integerX;
  /** The lines' series' revisions when last drawn (see {@link #redrawIfChanged}). */
  private long drawnRevision = -1;
  private Font font;
  private final java.util.Map<String, Double> textWidths = new java.util.HashMap<>();

  /**
   * Redraws if a line's series has changed since the chart was last drawn: a live
   * run's epoch curves grow once an epoch, and redrawing them at every frame cost the FX and
   * render threads CPU that the training's two threads share on a 2-core machine. Everything
   * else that changes the drawing (size, lines, zoom, hover, language) redraws at once.
   */
  public void redrawIfChanged() {
    if (revisions() != drawnRevision) {
      redraw();
    }
  }

  private long revisions() {
    long total = 0;
    for (Line line : lines) {
      total += line.data().revision();
    }
    return total;
  }

  /** One line: its label in the legend, colour and data; a faint line is drawn thin and pale. */
  public record Line(StringExpression label, Color color, DecimatedSeries data, boolean faint) {}

  public CurveChart(StringExpression title, StringExpression xLabel) {
    this.title = title;
    this.xLabel = xLabel;
    getStyleClass().add("curve-chart");
    getChildren().add(canvas);
    setMinSize(160, 120);
    setPrefSize(420, 240);
    logScale.addListener(o -> redraw());
    I18n.onChange(this, () -> redraw());
    Appearance.onZoomChange(this, () -> redraw());
    canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
      hoverX = e.getX();
      redraw();
    });
    canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
      hoverX = Double.NaN;
      redraw();
    });
    canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
      if (e.getButton() == MouseButton.PRIMARY) {
        dragStart = e.getX();
        dragEnd = e.getX();
      }
    });
    canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
      dragEnd = e.getX();
      hoverX = e.getX();
      redraw();
    });
    canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> endDrag());
    canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
      if (e.getClickCount() == 2) {
        resetZoom();
      }
    });
    canvas.addEventHandler(ScrollEvent.SCROLL, this::scroll);
  }

  /** The lines to draw; the chart keeps reading their data at every redraw. */
  public void setLines(List<Line> newLines) {
    lines = List.copyOf(newLines);
    redraw();
  }

  /** A dashed horizontal line at {@code y} (e.g. the healthy update ratio), NaN for none. */
  public void setReferenceY(double y) {
    referenceY = y;
  }

  /** Keeps the y axis at 0..1 (accuracies). */
  public void setUnitRange(boolean unit) {
    fixedUnitRange = unit;
  }

  /** Ticks only whole numbers on the x axis (epochs). */
  public void setIntegerX(boolean integer) {
    integerX = integer;
  }

  public BooleanProperty logScaleProperty() {
    return logScale;
  }

  /** Shows the whole x range again. */
  public void resetZoom() {
    zoomMin = Double.NaN;
    zoomMax = Double.NaN;
    redraw();
  }

  /** Shows x from {@code min} to {@code max}. */
  public void zoomTo(double min, double max) {
    if (max > min) {
      zoomMin = min;
      zoomMax = max;
      redraw();
    }
  }

  public boolean isZoomed() {
    return !Double.isNaN(zoomMin);
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

  private void endDrag() {
    if (!Double.isNaN(dragStart) && Math.abs(dragEnd - dragStart) > 6) {
      Range x = xRange();
      double a = toDataX(Math.min(dragStart, dragEnd), x);
      double b = toDataX(Math.max(dragStart, dragEnd), x);
      zoomTo(a, b);
    }
    dragStart = Double.NaN;
    dragEnd = Double.NaN;
    redraw();
  }

  private void scroll(ScrollEvent e) {
    if (e.getDeltaY() == 0) {
      return;
    }
    Range x = xRange();
    if (x == null) {
      return;
    }
    double center = toDataX(e.getX(), x);
    double factor = e.getDeltaY() > 0 ? 0.8 : 1.25;
    Range all = dataXRange();
    double min = center - (center - x.min) * factor;
    double max = center + (x.max - center) * factor;
    if (all != null && min <= all.min && max >= all.max) {
      resetZoom();
    } else {
      zoomTo(min, max);
    }
    e.consume();
  }

  /** Draws the chart now. Cheap enough for every frame with a few thousand points. */
  public void redraw() {
    drawnRevision = revisions();
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setFill(Color.WHITE);
    g.fillRect(0, 0, w, h);
    double fontSize = Appearance.fontSize(Appearance.zoomPercent()) * 0.85;
    Font font = chartFont(fontSize);
    g.setFont(font);
    double left = LEFT * fontSize / 11;
    double top = TOP * fontSize / 11;
    double bottom = BOTTOM * fontSize / 11;
    g.setFill(INK);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.TOP);
    g.fillText(title.get(), left, 4);
    double plotW = w - left - RIGHT;
    double plotH = h - top - bottom;
    if (plotW < 20 || plotH < 20) {
      return;
    }
    Range x = xRange();
    Range y = x == null ? null : yRange(x);
    drawLegend(g, w, fontSize);
    if (x == null || y == null) {
      g.setStroke(AXIS);
      g.strokeRect(left, top, plotW, plotH);
      return;
    }
    Plot p = new Plot(left, top, plotW, plotH, x, y, logScale.get() && !fixedUnitRange);
    drawAxes(g, p, fontSize);
    // everything in the plot area stays inside it, clipped by hand (SegmentClip): a canvas clip
    // costs the render thread a mask texture at every redraw
    if (!Double.isNaN(referenceY)) {
      double ry = p.py(referenceY);
      if (ry >= top && ry <= top + plotH) {
        g.setStroke(Color.web("#2f9e44"));
        g.setLineWidth(1);
        g.setLineDashes(6, 4);
        g.strokeLine(left, ry, left + plotW, ry);
        g.setLineDashes();
      }
    }
    for (Line line : lines) {
      drawLine(g, p, line);
    }
    if (!Double.isNaN(dragStart) && Math.abs(dragEnd - dragStart) > 1) {
      double from = Math.max(left, Math.min(dragStart, dragEnd));
      double to = Math.min(left + plotW, Math.max(dragStart, dragEnd));
      if (to > from) {
        g.setFill(Color.rgb(37, 99, 168, 0.15));
        g.fillRect(from, top, to - from, plotH);
      }
    }
    if (!Double.isNaN(hoverX) && hoverX >= left && hoverX <= left + plotW) {
      drawHover(g, p, fontSize);
    }
  }

  /**
   * The width the chart needs to show its title whole at the current zoom and language: the left
   * margin, the text and the right margin. Layouts that put charts side by side can stack them
   * when they are narrower.
   */
  public double titleWidth() {
    double fontSize = Appearance.fontSize(Appearance.zoomPercent()) * 0.85;
    return LEFT * fontSize / 11 + textWidth(title.get(), chartFont(fontSize)) + RIGHT;
  }

  /** The chart's font, made again only when the zoom or the language changes. */
  private Font chartFont(double size) {
    String family = "zh".equals(I18n.localeProperty().get().getLanguage()) ? Appearance.chineseFont() : null;
    String wanted = family == null ? Font.getDefault().getFamily() : family;
    if (font == null || font.getSize() != size || !font.getFamily().equals(wanted)) {
      font = family == null ? Font.font(size) : Font.font(family, size);
      textWidths.clear();
    }
    return font;
  }

  /** The legend on the line below the title, left to right; lines that do not fit are left out. */
  private void drawLegend(GraphicsContext g, double w, double fontSize) {
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.TOP);
    double x = LEFT * fontSize / 11;
    double y = 6 + fontSize * 1.35;
    for (Line line : lines) {
      String text = line.label().get();
      double textWidth = textWidth(text, g.getFont());
      if (x + 18 + textWidth > w - RIGHT) {
        g.setFill(AXIS);
        g.fillText("…", x, y);
        break;
      }
      g.setStroke(line.color());
      g.setLineWidth(3);
      g.strokeLine(x, y + fontSize / 2 + 1, x + 13, y + fontSize / 2 + 1);
      g.setFill(INK);
      g.fillText(text, x + 18, y);
      x += 18 + textWidth + 14;
    }
  }

  /** Measured once per text and font: measuring lays out a Text node. */
  private double textWidth(String text, Font textFont) {
    if (textWidths.size() > 500) {
      textWidths.clear(); // hover texts change with the values: keep the cache small
    }
    return textWidths.computeIfAbsent(text, k -> {
      javafx.scene.text.Text t = new javafx.scene.text.Text(k);
      t.setFont(textFont);
      return t.getLayoutBounds().getWidth();
    });
  }

  private void drawAxes(GraphicsContext g, Plot p, double fontSize) {
    g.setLineWidth(1);
    g.setTextBaseline(VPos.CENTER);
    g.setTextAlign(TextAlignment.RIGHT);
    for (double v : p.log ? logTicks(p.y) : AxisTicks.nice(p.y.min, p.y.max, 5)) {
      double yy = p.py(v);
      g.setStroke(GRID);
      g.strokeLine(p.left, yy, p.left + p.width, yy);
      g.setFill(AXIS);
      g.fillText(AxisTicks.format(v), p.left - 4, yy);
    }
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    for (double v : AxisTicks.nice(p.x.min, p.x.max, 6)) {
      if (integerX && v != Math.rint(v)) {
        continue;
      }
      double xx = p.px(v);
      g.setStroke(GRID);
      g.strokeLine(xx, p.top, xx, p.top + p.height);
      g.setFill(AXIS);
      g.fillText(AxisTicks.format(v), xx, p.top + p.height + 3);
    }
    g.setStroke(AXIS);
    g.strokeRect(p.left, p.top, p.width, p.height);
    g.setTextAlign(TextAlignment.RIGHT);
    g.fillText(xLabel.get(), p.left + p.width, p.top + p.height + 3 + fontSize * 1.2);
  }

  /** Powers of ten; over less than two decades also 2 and 5 times them. */
  private static double[] logTicks(Range y) {
    int low = (int) Math.floor(Math.log10(y.min));
    int high = (int) Math.ceil(Math.log10(y.max));
    double[] steps = high - low <= 2 ? new double[] {1, 2, 5} : new double[] {1};
    List<Double> ticks = new ArrayList<>();
    for (int e = low; e <= high; e++) {
      for (double m : steps) {
        double v = m * Math.pow(10, e);
        if (v >= y.min && v <= y.max) {
          ticks.add(v);
        }
      }
    }
    if (ticks.size() < 2) {
      return AxisTicks.nice(y.min, y.max, 4);
    }
    return ticks.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static void drawLine(GraphicsContext g, Plot p, Line line) {
    DecimatedSeries s = line.data();
    int n = s.size();
    if (n == 0) {
      return;
    }
    g.setStroke(line.faint() ? line.color().deriveColor(0, 0.6, 1.25, 0.55) : line.color());
    g.setLineWidth(line.faint() ? 1 : 2);
    int from = Math.max(0, firstAtOrAfter(s, p.x.min) - 1);
    int to = Math.min(n - 1, firstAtOrAfter(s, p.x.max));
    double right = p.left + p.width;
    double bottom = p.top + p.height;
    double[] seg = new double[4];
    double lastX = Double.NaN; // the previous point, NaN after a gap
    double lastY = Double.NaN;
    double penX = Double.NaN; // where the path ends now
    double penY = Double.NaN;
    g.beginPath();
    for (int i = from; i <= to; i++) {
      double yv = s.y(i);
      if (!Double.isFinite(yv) || (p.log && yv <= 0)) {
        lastX = Double.NaN;
        continue;
      }
      double xx = p.px(s.x(i));
      double yy = p.py(yv);
      if (!Double.isNaN(lastX)) {
        seg[0] = lastX;
        seg[1] = lastY;
        seg[2] = xx;
        seg[3] = yy;
        if (SegmentClip.clip(seg, p.left, p.top, right, bottom)) {
          if (seg[0] != penX || seg[1] != penY) {
            g.moveTo(seg[0], seg[1]);
          }
          g.lineTo(seg[2], seg[3]);
          penX = seg[2];
          penY = seg[3];
        }
      }
      lastX = xx;
      lastY = yy;
    }
    g.stroke();
    if (to - from < 40) {
      g.setFill(line.color());
      for (int i = from; i <= to; i++) {
        double yv = s.y(i);
        if (Double.isFinite(yv) && !(p.log && yv <= 0)) {
          double xx = p.px(s.x(i));
          double yy = p.py(yv);
          if (xx >= p.left && xx <= right && yy >= p.top && yy <= bottom) {
            g.fillOval(xx - 2.5, yy - 2.5, 5, 5);
          }
        }
      }
    }
  }

  private void drawHover(GraphicsContext g, Plot p, double fontSize) {
    double dataX = toDataX(hoverX, p.x);
    g.setStroke(AXIS);
    g.setLineWidth(1);
    g.setLineDashes(3, 3);
    g.strokeLine(hoverX, p.top, hoverX, p.top + p.height);
    g.setLineDashes();
    List<String> rows = new ArrayList<>();
    List<Color> colors = new ArrayList<>();
    double shownX = Double.NaN;
    for (Line line : lines) {
      DecimatedSeries s = line.data();
      int i = nearest(s, dataX);
      if (i < 0) {
        continue;
      }
      shownX = Double.isNaN(shownX) ? s.x(i) : shownX;
      rows.add(line.label().get() + ": " + AxisTicks.formatValue(s.y(i)));
      colors.add(line.color());
      if (Double.isFinite(s.y(i)) && !(p.log && s.y(i) <= 0)) {
        g.setFill(line.color());
        g.fillOval(p.px(s.x(i)) - 3.5, p.py(s.y(i)) - 3.5, 7, 7);
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    rows.add(0, xLabel.get() + " " + AxisTicks.format(shownX));
    colors.add(0, INK);
    double lineHeight = fontSize * 1.3;
    double boxW = rows.stream().mapToDouble(r -> textWidth(r, g.getFont())).max().orElse(0) + 12;
    double boxH = rows.size() * lineHeight + 8;
    double bx = hoverX + 10 + boxW > p.left + p.width ? hoverX - 10 - boxW : hoverX + 10;
    double by = p.top + 6;
    g.setFill(Color.rgb(255, 255, 255, 0.92));
    g.fillRect(bx, by, boxW, boxH);
    g.setStroke(Color.web("#d5dce5"));
    g.strokeRect(bx, by, boxW, boxH);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.TOP);
    for (int r = 0; r < rows.size(); r++) {
      g.setFill(colors.get(r).darker());
      g.fillText(rows.get(r), bx + 6, by + 4 + r * lineHeight);
    }
  }

  private static int firstAtOrAfter(DecimatedSeries s, double x) {
    int lo = 0;
    int hi = s.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (s.x(mid) < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int nearest(DecimatedSeries s, double x) {
    int n = s.size();
    if (n == 0) {
      return -1;
    }
    int i = Math.min(n - 1, firstAtOrAfter(s, x));
    if (i > 0 && Math.abs(s.x(i - 1) - x) <= Math.abs(s.x(i) - x)) {
      return i - 1;
    }
    return i;
  }

  private double toDataX(double px, Range x) {
    double left = LEFT * Appearance.fontSize(Appearance.zoomPercent()) * 0.85 / 11;
    double plotW = canvas.getWidth() - left - RIGHT;
    return x.min + (px - left) / plotW * (x.max - x.min);
  }

  private Range dataXRange() {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Line line : lines) {
      DecimatedSeries s = line.data();
      if (s.size() > 0) {
        min = Math.min(min, s.x(0));
        max = Math.max(max, s.x(s.size() - 1));
      }
    }
    if (min > max) {
      return null;
    }
    return min == max ? new Range(min - 1, max + 1) : new Range(min, max);
  }

  private Range xRange() {
    Range all = dataXRange();
    if (all == null) {
      return null;
    }
    return Double.isNaN(zoomMin) ? all : new Range(zoomMin, zoomMax);
  }

  private Range yRange(Range x) {
    if (fixedUnitRange) {
      return new Range(0, 1);
    }
    boolean log = logScale.get();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Line line : lines) {
      DecimatedSeries s = line.data();
      int from = Math.max(0, firstAtOrAfter(s, x.min) - 1);
      int to = Math.min(s.size() - 1, firstAtOrAfter(s, x.max));
      for (int i = from; i <= to; i++) {
        double v = s.y(i);
        if (Double.isFinite(v) && !(log && v <= 0)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    if (!Double.isNaN(referenceY) && !(log && referenceY <= 0)) {
      min = Math.min(min, referenceY);
      max = Math.max(max, referenceY);
    }
    if (min > max) {
      return null;
    }
    if (log) {
      return min == max ? new Range(min / 2, max * 2) : new Range(min / 1.15, max * 1.15);
    }
    double pad = min == max ? Math.max(1e-9, Math.abs(min) * 0.1) : (max - min) * 0.05;
    return new Range(min >= 0 && min - pad < 0 ? 0 : min - pad, max + pad);
  }

  private record Range(double min, double max) {}

  private record Plot(double left, double top, double width, double height, Range x, Range y, boolean log) {
    double px(double v) {
      return left + (v - x.min) / (x.max - x.min) * width;
    }

    double py(double v) {
      if (log) {
        double a = Math.log10(y.min);
        double b = Math.log10(y.max);
        return top + height - (Math.log10(v) - a) / (b - a) * height;
      }
      return top + height - (v - y.min) / (y.max - y.min) * height;
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "CurveChart[%s, %d lines]", title.get(), lines.size());
  }
}
