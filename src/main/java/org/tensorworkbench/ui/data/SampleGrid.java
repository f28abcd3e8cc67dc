package org.tensorworkbench.ui.data;

import org.tensorworkbench.engine.image.Rasters;
import org.tensorworkbench.ui.common.FxImages;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/** Sample images with their class names underneath, drawn from primitive pixel arrays. */
final class SampleGrid {
  private static final double CELL = 56;
  private final TilePane pane = new TilePane(6, 6);

  SampleGrid() {
    pane.setId("dataset-samples");
    pane.setPrefColumns(10);
    pane.setPrefTileWidth(CELL + 10);
  }

  TilePane node() {
    return pane;
  }

  /**
   * Shows {@code count} images {@code [count, C, H, W]} with values in [0, 1] (C = 1 grey or 3 RGB),
   * each labelled with its class name; label {@code i} has the id {@code sample-label-i}.
   */
  void show(int count, int[] shape, float[] pixels, int[] labels, List<String> classNames) {
    pane.getChildren().clear();
    int channels = shape[0];
    int h = shape[1];
    int w = shape[2];
    int size = channels * h * w;
    for (int i = 0; i < count; i++) {
      ImageView view = new ImageView(FxImages.image(Rasters.image(pixels, i * size, channels, h, w)));
      view.setFitWidth(CELL);
      view.setFitHeight(CELL);
      view.setPreserveRatio(true);
      view.setSmooth(false);
      Label label = new Label(classNames.get(labels[i]));
      label.setId("sample-label-" + i);
      label.getStyleClass().add("sample-label");
      label.setMaxWidth(CELL + 10);
      label.setAlignment(Pos.CENTER);
      VBox cell = new VBox(2, view, label);
      cell.setAlignment(Pos.TOP_CENTER);
      pane.getChildren().add(cell);
    }
  }

}
