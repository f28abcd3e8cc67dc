package org.tensorworkbench.ui.builder;

import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polygon;
import org.tensorworkbench.ui.builder.model.NodeGeometry;

/**
 * A connection from one node's output to another's input, labelled with the tensor shape that
 * flows along it. A connection that skips rows in the same column (a ResNet shortcut) bends out
 * to the right so it is not hidden behind the nodes it bypasses.
 */
final class EdgeView extends Group {
  final String from;
  final String to;
  private final CubicCurve curve = new CubicCurve();
  private final CubicCurve hitArea = new CubicCurve();
  private final Polygon arrow = new Polygon(0, 0, -5, -9, 5, -9);
  final Label label = new Label();
  private double sx = Double.NaN;
  private double sy;
  private double tx;
  private double ty;

  EdgeView(String from, String to) {
    this.from = from;
    this.to = to;
    setId("edge-" + from + "-" + to);
    getStyleClass().add("edge");
    curve.getStyleClass().add("edge-line");
    hitArea.getStyleClass().add("edge-hit");
    arrow.getStyleClass().add("edge-arrow");
    label.getStyleClass().add("edge-label");
    label.setId("edgelabel-" + from + "-" + to);
    curve.setMouseTransparent(true);
    arrow.setMouseTransparent(true);
    getChildren().addAll(hitArea, curve, arrow, label);
  }

  /** Routes the edge from the output port at (x1, y1) to the input point at (x2, y2). */
  void route(double x1, double y1, double x2, double y2) {
    if (x1 == sx && y1 == sy && x2 == tx && y2 == ty) {
      return;
    }
    sx = x1;
    sy = y1;
    tx = x2;
    ty = y2;
    double dy = Math.max(40, Math.abs(y2 - y1) / 2);
    double bend = 0;
    boolean skipsRows = y2 - y1 > 1.5 * (NodeGeometry.HEIGHT + NodeGeometry.ROW_GAP);
    if (y2 <= y1 || (skipsRows && Math.abs(x2 - x1) < NodeGeometry.WIDTH)) {
      bend = NodeGeometry.WIDTH * 0.85;
      dy = Math.max(40, Math.min(dy, 90));
    }
    for (CubicCurve c : new CubicCurve[] {curve, hitArea}) {
      c.setStartX(x1);
      c.setStartY(y1);
      c.setControlX1(x1 + bend);
      c.setControlY1(y1 + dy);
      c.setControlX2(x2 + bend);
      c.setControlY2(y2 - dy);
      c.setEndX(x2);
      c.setEndY(y2);
    }
    arrow.setTranslateX(x2);
    arrow.setTranslateY(y2);
    placeLabel();
  }

  void setShape(String text, boolean known) {
    if (!text.equals(label.getText())) {
      label.setText(text);
      placeLabel();
    }
    label.setVisible(known);
  }

  private void placeLabel() {
    Point2D mid = at(0.5);
    label.relocate(mid.getX() + 6, mid.getY() - 9);
  }

  /** The point at parameter t in [0, 1] of the cubic Bézier curve. */
  Point2D at(double t) {
    double u = 1 - t;
    double x = u * u * u * curve.getStartX() + 3 * u * u * t * curve.getControlX1()
        + 3 * u * t * t * curve.getControlX2() + t * t * t * curve.getEndX();
    double y = u * u * u * curve.getStartY() + 3 * u * u * t * curve.getControlY1()
        + 3 * u * t * t * curve.getControlY2() + t * t * t * curve.getEndY();
    return new Point2D(x, y);
  }

  /** The distance from a canvas point to the curve, sampled finely enough for hit-testing. */
  double distanceTo(Point2D p) {
    double best = Double.MAX_VALUE;
    for (int i = 0; i <= 24; i++) {
      best = Math.min(best, at(i / 24.0).distance(p));
    }
    return best;
  }

  void setSelected(boolean on) {
    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), on);
  }

  void setHighlighted(boolean on) {
    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("highlighted"), on);
  }
}
