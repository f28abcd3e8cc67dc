package org.tensorworkbench.ui.generalization;

import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.layout.Region;
import org.tensorworkbench.ui.common.Appearance;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.training.CurveChart;

/**
 * Charts side by side when each is wide enough to show its title whole, else one under the
 * other at full width: at 200 % zoom or in a narrow window no title is cut short.
 */
final class ChartRow extends Region {
  private static final double GAP = 10;
  private final List<Region> charts;

  ChartRow(Region... charts) {
    this.charts = List.of(charts);
    getChildren().addAll(charts);
    Appearance.onZoomChange(this, () -> requestLayout());
    I18n.onChange(this, () -> requestLayout());
  }

  /** Whether the charts go side by side at {@code width}. */
  boolean sideBySide(double width) {
    double each = (width - GAP * (charts.size() - 1)) / charts.size();
    return charts.stream().allMatch(c -> needs(c) <= each);
  }

  private static double needs(Region chart) {
    return chart instanceof CurveChart c ? Math.max(c.titleWidth(), c.minWidth(-1)) : chart.minWidth(-1);
  }

  @Override
  public Orientation getContentBias() {
    return Orientation.HORIZONTAL;
  }

  @Override
  protected double computePrefHeight(double width) {
    double w = width < 0 ? getWidth() : width;
    if (w <= 0 || sideBySide(w)) {
      return charts.stream().mapToDouble(c -> c.prefHeight(-1)).max().orElse(0);
    }
    return charts.stream().mapToDouble(c -> c.prefHeight(-1)).sum() + GAP * (charts.size() - 1);
  }

  @Override
  protected double computeMinHeight(double width) {
    return computePrefHeight(width);
  }

  @Override
  protected double computePrefWidth(double height) {
    return charts.stream().mapToDouble(c -> c.minWidth(-1)).sum() + GAP * (charts.size() - 1);
  }

  @Override
  protected double computeMinWidth(double height) {
    return charts.stream().mapToDouble(c -> c.minWidth(-1)).max().orElse(0);
  }

  @Override
  protected void layoutChildren() {
    double w = getWidth();
    if (sideBySide(w)) {
      double each = (w - GAP * (charts.size() - 1)) / charts.size();
      double h = getHeight();
      for (int i = 0; i < charts.size(); i++) {
        charts.get(i).resizeRelocate(i * (each + GAP), 0, each, h);
      }
    } else {
      double y = 0;
      for (Region c : charts) {
        double h = c.prefHeight(-1);
        c.resizeRelocate(0, y, w, h);
        y += h + GAP;
      }
    }
  }
}
