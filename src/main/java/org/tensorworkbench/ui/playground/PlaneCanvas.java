package org.tensorworkbench.ui.playground;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.tensorworkbench.engine.image.Raster;
import org.tensorworkbench.ui.common.FxImages;
import org.tensorworkbench.engine.lab.playground.PlaneData;
import org.tensorworkbench.engine.lab.playground.PlaneImages;

/**
 * The input plane: the decision boundary picture stretched over the plane, the training points
 * as filled dots with a white ring and the test points as dots with a black ring, and the extent
 * written in the corners (x1 at the bottom, the top of the plane at the top left). A square that fills the space it is given.
 */
final class PlaneCanvas extends Region {
  private final Canvas canvas = new Canvas();
  private WritableImage boundary;
  private PlaneData data;

  PlaneCanvas() {
    getStyleClass().add("playground-plane");
    getChildren().add(canvas);
    setMinSize(120, 120);
    setPrefSize(320, 320);
  }

  void show(PlaneData newData, Raster picture) {
    data = newData;
    boundary = picture == null ? null : FxImages.image(picture, boundary);
    redraw();
  }

  /** The boundary image now shown (null if none), for tests. */
  WritableImage boundaryImage() {
    return boundary;
  }

  @Override
  protected void layoutChildren() {
    double side = Math.max(0, Math.min(getWidth(), getHeight()));
    canvas.setWidth(side);
    canvas.setHeight(side);
    canvas.relocate((getWidth() - side) / 2, 0);
    redraw();
  }

  @Override
  protected double computePrefHeight(double width) {
    return width > 0 ? width : super.computePrefHeight(width);
  }

  private void redraw() {
    double side = canvas.getWidth();
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setFill(Color.WHITE);
    g.fillRect(0, 0, side, side);
    if (side <= 0) {
      return;
    }
    if (boundary != null) {
      g.setImageSmoothing(true);
      g.drawImage(boundary, 0, 0, side, side);
    }
    if (data != null) {
      double[] b = data.bounds();
      double r = Math.max(2.5, side / 110);
      for (int i = 0; i < data.size(); i++) {
        double px = (data.x1(i) - b[0]) / (b[1] - b[0]) * side;
        double py = (b[3] - data.displayY(i)) / (b[3] - b[2]) * side;
        int rgb = data.isRegression() ? 0x333333 : PlaneImages.classColour(data.label(i));
        g.setFill(Color.rgb(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff));
        g.fillOval(px - r, py - r, 2 * r, 2 * r);
        g.setStroke(data.isTest(i) ? Color.BLACK : Color.WHITE);
        g.setLineWidth(data.isTest(i) ? 1.5 : 1);
        g.strokeOval(px - r, py - r, 2 * r, 2 * r);
      }
      g.setFill(Color.web("#1f2933"));
      // x1 from the bottom-left to the bottom-right corner; the top-left corner is the top of the plane
      g.fillText(String.format("%.3g", b[0]), 3, side - 4);
      g.setTextAlign(javafx.scene.text.TextAlignment.RIGHT);
      g.fillText(String.format("%.3g", b[1]), side - 3, side - 4);
      g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
      g.fillText(String.format("%.3g", b[3]), 3, 12);
    }
    g.setStroke(Color.web("#5b6775"));
    g.setLineWidth(1);
    g.strokeRect(0.5, 0.5, side - 1, side - 1);
  }
}
