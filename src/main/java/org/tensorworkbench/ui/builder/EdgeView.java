package org.tensorworkbench.ui.builder;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Polygon;
import javafx.scene.transform.Rotate;
import org.tensorworkbench.ui.builder.model.NodeGeometry;
import org.tensorworkbench.ui.builder.model.Position;

/**
 * A connection from one node's output to another's input, labelled with the tensor shape that
 * flows along it. Most connections run from the output port below a node to an input port on
 * top of the next. A connection that skips rows within one column (a ResNet shortcut) would run
 * behind the nodes it bypasses and across their labels, so it leaves the source by its right
 * side, runs down a lane beside the column and enters the target from the right, as d2l draws
 * residual blocks; its label sits on the lane.
 */
final class EdgeView extends Group {
  /** How far right of a column a shortcut's lane runs. */
  static final double LANE_GAP = 26;
  private static final int SAMPLES = 24;

  final String from;
  final String to;
  private final Path line = new Path();
  private final Path hitArea = new Path();
  private final Polygon arrow = new Polygon(0, 0, -5, -9, 5, -9);
  private final Rotate arrowTurn = new Rotate(0, 0, 0);
  final Label label = new Label();
  private final List<Point2D> samples = new ArrayList<>();
  private Position shownFrom;
  private Position shownTo;
  private int shownIndex = -1;
  private int shownCount;
  private final List<Point2D> labelSpots = new ArrayList<>();
  private Point2D labelAnchor = Point2D.ZERO;

  EdgeView(String from, String to) {
    this.from = from;
    this.to = to;
    setId("edge-" + from + "-" + to);
    getStyleClass().add("edge");
    line.getStyleClass().add("edge-line");
    hitArea.getStyleClass().add("edge-hit");
    arrow.getStyleClass().add("edge-arrow");
    arrow.getTransforms().add(arrowTurn);
    label.getStyleClass().add("edge-label");
    label.setId("edgelabel-" + from + "-" + to);
    line.setMouseTransparent(true);
    arrow.setMouseTransparent(true);
    getChildren().addAll(hitArea, line, arrow, label);
  }

  /** Routes the edge from node {@code a} to input {@code index} of {@code count} of node {@code b}. */
  void route(Position a, Position b, int index, int count) {
    if (a.equals(shownFrom) && b.equals(shownTo) && index == shownIndex && count == shownCount) {
      return;
    }
    shownFrom = a;
    shownTo = b;
    shownIndex = index;
    shownCount = count;
    double w = NodeGeometry.WIDTH;
    double h = NodeGeometry.HEIGHT;
    List<PathElement> path = new ArrayList<>();
    samples.clear();
    labelSpots.clear();
    if (isShortcut(a, b)) {
      double lane = Math.max(a.x(), b.x()) + w + LANE_GAP;
      Point2D start = new Point2D(a.x() + w, a.y() + h / 2);
      Point2D end = new Point2D(b.x() + w, b.y() + h / 2);
      Point2D[] corners = {start, new Point2D(lane, start.getY()), new Point2D(lane, end.getY()), end};
      path.add(new MoveTo(start.getX(), start.getY()));
      for (int i = 1; i < corners.length; i++) {
        path.add(new LineTo(corners[i].getX(), corners[i].getY()));
        for (int k = 0; k < SAMPLES / 3; k++) {
          samples.add(corners[i - 1].interpolate(corners[i], k / (SAMPLES / 3.0)));
        }
      }
      samples.add(end);
      placeArrow(end, 90);
      for (double f : new double[] {0.5, 0.3, 0.7, 0.15, 0.85}) {
        labelSpots.add(new Point2D(lane + 6, start.getY() + f * (end.getY() - start.getY()) - 9));
      }
    } else if (b.y() - a.y() > 1.5 * (h + NodeGeometry.ROW_GAP)) {
      // a long connection between columns runs straight down its own column, then bends in
      double x1 = a.x() + w / 2;
      double y1 = a.y() + h;
      double x2 = b.x() + w * (index + 1) / (count + 1);
      double y2 = b.y();
      double bendAt = y2 - NodeGeometry.ROW_GAP - h / 2;
      path.add(new MoveTo(x1, y1));
      path.add(new LineTo(x1, bendAt));
      Point2D p0 = new Point2D(x1, bendAt);
      Point2D c1 = new Point2D(x1, y2 - 20);
      Point2D c2 = new Point2D(x2, bendAt + 10);
      Point2D p3 = new Point2D(x2, y2);
      path.add(new CubicCurveTo(c1.getX(), c1.getY(), c2.getX(), c2.getY(), x2, y2));
      for (int i = 0; i < SAMPLES / 2; i++) {
        samples.add(new Point2D(x1, y1 + (bendAt - y1) * i / (SAMPLES / 2.0)));
      }
      for (int i = 0; i <= SAMPLES / 2; i++) {
        samples.add(bezier(p0, c1, c2, p3, i / (SAMPLES / 2.0)));
      }
      placeArrow(p3, 0);
      for (double f : new double[] {0.5, 0.3, 0.7, 0.15, 0.85}) {
        labelSpots.add(new Point2D(x1 + 6, y1 + f * (bendAt - y1) - 9));
      }
    } else {
      double x1 = a.x() + w / 2;
      double y1 = a.y() + h;
      double x2 = b.x() + w * (index + 1) / (count + 1);
      double y2 = b.y();
      double dy = Math.max(40, Math.abs(y2 - y1) / 2);
      double bend = 0;
      if (y2 <= y1) {
        bend = w * 0.85;
        dy = Math.max(40, Math.min(dy, 90));
      }
      Point2D p0 = new Point2D(x1, y1);
      Point2D c1 = new Point2D(x1 + bend, y1 + dy);
      Point2D c2 = new Point2D(x2 + bend, y2 - dy);
      Point2D p3 = new Point2D(x2, y2);
      path.add(new MoveTo(x1, y1));
      path.add(new CubicCurveTo(c1.getX(), c1.getY(), c2.getX(), c2.getY(), x2, y2));
      for (int i = 0; i <= SAMPLES; i++) {
        samples.add(bezier(p0, c1, c2, p3, i / (double) SAMPLES));
      }
      placeArrow(p3, 0);
      for (double t : new double[] {0.5, 0.35, 0.65, 0.2, 0.8}) {
        Point2D p = bezier(p0, c1, c2, p3, t);
        labelSpots.add(new Point2D(p.getX() + 6, p.getY() - 9));
      }
    }
    line.getElements().setAll(path);
    hitArea.getElements().setAll(path);
    placeLabel(labelSpots.get(0));
  }

  /**
   * Whether a connection from a node at {@code a} to one at {@code b} is a shortcut within one
   * column, drawn down a lane beside it and into the target's side rather than its top.
   */
  static boolean isShortcut(Position a, Position b) {
    return Math.abs(a.x() - b.x()) < NodeGeometry.WIDTH / 2
        && b.y() - a.y() > 1.5 * (NodeGeometry.HEIGHT + NodeGeometry.ROW_GAP);
  }

  /** Where the label may go, best first: the middle of the line, then further along either way. */
  List<Point2D> labelSpots() {
    return labelSpots;
  }

  void placeLabel(Point2D topLeft) {
    labelAnchor = topLeft;
    label.relocate(topLeft.getX(), topLeft.getY());
  }

  private void placeArrow(Point2D tip, double degrees) {
    arrow.setTranslateX(tip.getX());
    arrow.setTranslateY(tip.getY());
    arrowTurn.setAngle(degrees);
  }

  void setShape(String text, boolean known) {
    if (!text.equals(label.getText())) {
      label.setText(text);
      label.relocate(labelAnchor.getX(), labelAnchor.getY());
    }
    label.setVisible(known);
  }

  private static Point2D bezier(Point2D p0, Point2D c1, Point2D c2, Point2D p3, double t) {
    double u = 1 - t;
    double x = u * u * u * p0.getX() + 3 * u * u * t * c1.getX() + 3 * u * t * t * c2.getX() + t * t * t * p3.getX();
    double y = u * u * u * p0.getY() + 3 * u * u * t * c1.getY() + 3 * u * t * t * c2.getY() + t * t * t * p3.getY();
    return new Point2D(x, y);
  }

  /** The distance from a canvas point to the drawn line, sampled finely enough for hit-testing. */
  double distanceTo(Point2D p) {
    double best = Double.MAX_VALUE;
    for (int i = 1; i < samples.size(); i++) {
      best = Math.min(best, distanceToSegment(p, samples.get(i - 1), samples.get(i)));
    }
    return best;
  }

  private static double distanceToSegment(Point2D p, Point2D a, Point2D b) {
    Point2D ab = b.subtract(a);
    double length2 = ab.dotProduct(ab);
    double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, p.subtract(a).dotProduct(ab) / length2));
    return p.distance(a.add(ab.multiply(t)));
  }

  void setSelected(boolean on) {
    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), on);
  }

  void setHighlighted(boolean on) {
    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("highlighted"), on);
  }
}
