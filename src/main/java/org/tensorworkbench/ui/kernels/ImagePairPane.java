package org.tensorworkbench.ui.kernels;

import org.tensorworkbench.ui.common.FxImages;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.tensorworkbench.engine.lab.conv.ConvLabResult;
import org.tensorworkbench.engine.lab.conv.ConvParams;
import org.tensorworkbench.engine.lab.conv.WindowExplanation;

/**
 * Input and output side by side at the same scale (one screen pixel size per image pixel). The
 * input is drawn inside its zero padding (black, dashed outline at the image border); pointing at
 * an output pixel outlines it and shows its window on the input.
 */
final class ImagePairPane {
  private static final double GAP = 24;

  private final KernelLabViewModel vm;
  private final HBox root = new HBox(GAP);
  private final Pane inputPane = new Pane();
  private final Pane outputPane = new Pane();
  private final ImageView inputView = new ImageView();
  private final ImageView outputView = new ImageView();
  private final Rectangle paddedArea = new Rectangle();
  private final Rectangle imageBorder = new Rectangle();
  private final Rectangle window = new Rectangle();
  private final Rectangle outputMark = new Rectangle();
  private double scale = 1;

  ImagePairPane(KernelLabViewModel vm) {
    this.vm = vm;
    inputView.setSmooth(false);
    outputView.setSmooth(false);
    outputView.setId("output-image");
    inputView.setId("input-image");
    paddedArea.setFill(Color.BLACK);
    imageBorder.setFill(Color.TRANSPARENT);
    imageBorder.setStroke(Color.web("#ffb300"));
    imageBorder.getStrokeDashArray().setAll(6.0, 4.0);
    for (Rectangle r : new Rectangle[] {window, outputMark}) {
      r.setFill(Color.web("#00e5ff", 0.18));
      r.setStroke(Color.web("#00e5ff"));
      r.setStrokeWidth(2);
      r.setMouseTransparent(true);
    }
    imageBorder.setMouseTransparent(true);
    inputPane.getChildren().addAll(paddedArea, inputView, imageBorder, window);
    outputPane.getChildren().addAll(outputView, outputMark);

    VBox inputBox = new VBox(4, Controls.label("kernels.view.input"), inputPane);
    VBox outputBox = new VBox(4, Controls.label("kernels.view.output"), outputPane);
    root.getChildren().addAll(inputBox, outputBox);
    root.setPadding(new Insets(8));
    root.setMinSize(0, 0);
    root.setId("image-pair");

    InvalidationListener relayout = o -> layout();
    vm.inputPixelsProperty().addListener(o -> {
      inputView.setImage(vm.inputPixelsProperty().get() == null ? null : FxImages.image(vm.inputPixelsProperty().get()));
      layout();
    });
    vm.resultProperty().addListener(o -> {
      ConvLabResult r = vm.resultProperty().get();
      outputView.setImage(r == null ? null : FxImages.image(r.display()));
      layout();
    });
    vm.explanationProperty().addListener(relayout);
    root.widthProperty().addListener(relayout);
    root.heightProperty().addListener(relayout);
    outputView.setOnMouseMoved(e -> pointAt(e.getX(), e.getY()));
    outputView.setOnMouseClicked(e -> pointAt(e.getX(), e.getY()));
  }

  Node node() {
    return root;
  }

  /** Screen pixels per image pixel. */
  double scale() {
    return scale;
  }

  private void pointAt(double x, double y) {
    ConvLabResult r = vm.resultProperty().get();
    if (r == null || scale <= 0) {
      return;
    }
    int col = (int) (x / scale);
    int row = (int) (y / scale);
    int poolStride = r.poolRows().map(p -> p.s()).orElse(1); // a pooled pixel points at its window's corner
    int shown = Math.max(0, vm.shownChannelProperty().get());
    vm.select(shown, row * poolStride, col * poolStride);
  }

  private void layout() {
    ConvLabResult r = vm.resultProperty().get();
    if (inputView.getImage() == null) {
      return;
    }
    ConvParams p = r == null ? ConvParams.plain() : r.params();
    double inW = inputView.getImage().getWidth();
    double inH = inputView.getImage().getHeight();
    double paddedW = inW + 2 * p.padW();
    double paddedH = inH + 2 * p.padH();
    double outW = outputView.getImage() == null ? 0 : outputView.getImage().getWidth();
    double outH = outputView.getImage() == null ? 0 : outputView.getImage().getHeight();
    double availW = Math.max(50, root.getWidth() - GAP - 20);
    double availH = Math.max(50, root.getHeight() - 40);
    scale = Math.min(availW / (paddedW + outW), availH / Math.max(paddedH, outH));
    scale = scale >= 1 ? Math.floor(scale) : scale; // whole multiples keep small images crisp

    paddedArea.setWidth(paddedW * scale);
    paddedArea.setHeight(paddedH * scale);
    inputView.setFitWidth(inW * scale);
    inputView.setFitHeight(inH * scale);
    inputView.relocate(p.padW() * scale, p.padH() * scale);
    imageBorder.setX(p.padW() * scale);
    imageBorder.setY(p.padH() * scale);
    imageBorder.setWidth(inW * scale);
    imageBorder.setHeight(inH * scale);
    imageBorder.setVisible(p.padH() > 0 || p.padW() > 0);
    inputPane.setPrefSize(paddedW * scale, paddedH * scale);
    inputPane.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);

    outputView.setFitWidth(outW * scale);
    outputView.setFitHeight(outH * scale);
    outputPane.setPrefSize(outW * scale, outH * scale);
    outputPane.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    markWindow(r);
  }

  private void markWindow(ConvLabResult r) {
    WindowExplanation e = vm.explanationProperty().get();
    boolean show = r != null && e != null;
    window.setVisible(show);
    outputMark.setVisible(show);
    if (!show) {
      return;
    }
    ConvParams p = r.params();
    int spanH = p.dilationH() * (r.layer().height() - 1) + 1;
    int spanW = p.dilationW() * (r.layer().width() - 1) + 1;
    window.setX(e.outCol() * p.strideW() * scale); // padded coordinates: the window's left edge
    window.setY(e.outRow() * p.strideH() * scale);
    window.setWidth(spanW * scale);
    window.setHeight(spanH * scale);
    int poolStride = r.poolRows().map(s -> s.s()).orElse(1);
    double cell = Math.max(scale, 3);
    outputMark.setX(e.outCol() / poolStride * scale);
    outputMark.setY(e.outRow() / poolStride * scale);
    outputMark.setWidth(cell);
    outputMark.setHeight(cell);
  }
}
