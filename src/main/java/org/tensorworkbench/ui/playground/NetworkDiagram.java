package org.tensorworkbench.ui.playground;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.tensorworkbench.engine.image.Raster;
import org.tensorworkbench.ui.common.FxImages;
import org.tensorworkbench.engine.lab.playground.PlaneImages;
import org.tensorworkbench.engine.lab.playground.PlaneSnapshot;

/**
 * The network as TensorFlow Playground draws it: one column per layer (input features, then
 * each hidden layer), every neuron a small picture of its value over the plane, and every weight
 * a line whose thickness grows with |w| and whose colour is its sign (orange positive, blue
 * negative). The output column is the boundary, drawn by {@link PlaneCanvas}.
 */
final class NetworkDiagram extends Region {
  private static final double MAX_BOX = 56;
  private final Canvas canvas = new Canvas();
  private final List<List<WritableImage>> images = new ArrayList<>();
  private PlaneSnapshot snapshot;
  private List<String> featureNames = List.of();
  private List<String> columnTitles = List.of();

  NetworkDiagram() {
    getStyleClass().add("playground-network");
    getChildren().add(canvas);
    setMinSize(160, 160);
    setPrefSize(480, 420);
  }

  void show(PlaneSnapshot newSnapshot, PlanePictures pictures, List<String> features, List<String> titles) {
    snapshot = newSnapshot;
    featureNames = features;
    columnTitles = titles;
    if (pictures == null) {
      images.clear();
    } else {
      for (int l = 0; l < pictures.neurons().size(); l++) {
        if (images.size() <= l) {
          images.add(new ArrayList<>());
        }
        List<WritableImage> column = images.get(l);
        List<Raster> rendered = pictures.neurons().get(l);
        while (column.size() > rendered.size()) {
          column.remove(column.size() - 1);
        }
        for (int j = 0; j < rendered.size(); j++) {
          WritableImage old = j < column.size() ? column.get(j) : null;
          WritableImage copy = FxImages.image(rendered.get(j), old);
          if (old == null) {
            column.add(copy);
          } else {
            column.set(j, copy);
          }
        }
      }
      while (images.size() > pictures.neurons().size()) {
        images.remove(images.size() - 1);
      }
    }
    redraw();
  }

  @Override
  protected void layoutChildren() {
    canvas.setWidth(getWidth());
    canvas.setHeight(getHeight());
    redraw();
  }

  private void redraw() {
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, w, h);
    if (snapshot == null || images.isEmpty() || w <= 0 || h <= 0) {
      return;
    }
    int columns = images.size();
    int tallest = images.stream().mapToInt(List::size).max().orElse(1);
    double fontSize = 12 * org.tensorworkbench.ui.common.Appearance.zoomPercent() / 100.0;
    Font font = Font.font(fontSize);
    double top = fontSize * 2;
    double labelWidth = fontSize * 4.2;
    double colWidth = (w - labelWidth) / columns;
    double box = Math.max(8, Math.min(MAX_BOX, Math.min(colWidth * 0.55, (h - top) / tallest * 0.8)));
    double[][] xs = new double[columns][];
    double[][] ys = new double[columns][];
    for (int l = 0; l < columns; l++) {
      int n = images.get(l).size();
      xs[l] = new double[n];
      ys[l] = new double[n];
      double gap = (h - top) / Math.max(n, 1);
      for (int j = 0; j < n; j++) {
        xs[l][j] = labelWidth + colWidth * l + (colWidth - box) / 2;
        ys[l][j] = top + gap * j + (gap - box) / 2;
      }
    }
    // weights between the pictured layers
    for (int l = 0; l + 1 < columns; l++) {
      double[] weights = snapshot.weights()[l];
      double max = 1e-12;
      for (double v : weights) {
        max = Math.max(max, Math.abs(v));
      }
      int out = snapshot.sizes()[l + 1];
      for (int i = 0; i < xs[l].length; i++) {
        for (int j = 0; j < xs[l + 1].length; j++) {
          double v = weights[i * out + j];
          int rgb = PlaneImages.signColour(v >= 0);
          g.setStroke(Color.rgb(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff, 0.35 + 0.6 * Math.abs(v) / max));
          g.setLineWidth(0.3 + 4 * Math.abs(v) / max);
          g.strokeLine(xs[l][i] + box, ys[l][i] + box / 2, xs[l + 1][j], ys[l + 1][j] + box / 2);
        }
      }
    }
    g.setFont(font);
    g.setFill(Color.web("#1f2933"));
    for (int l = 0; l < columns; l++) {
      if (l < columnTitles.size()) {
        g.fillText(columnTitles.get(l), labelWidth + colWidth * l + 2, fontSize * 1.2);
      }
      for (int j = 0; j < images.get(l).size(); j++) {
        g.drawImage(images.get(l).get(j), xs[l][j], ys[l][j], box, box);
        g.setStroke(Color.web("#5b6775"));
        g.setLineWidth(0.8);
        g.strokeRect(xs[l][j], ys[l][j], box, box);
        if (l == 0 && j < featureNames.size()) {
          g.setTextAlign(javafx.scene.text.TextAlignment.RIGHT);
          g.fillText(featureNames.get(j), xs[l][j] - 4, ys[l][j] + box / 2 + fontSize / 3);
          g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
        }
      }
    }
  }
}
