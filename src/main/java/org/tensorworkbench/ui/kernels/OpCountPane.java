package org.tensorworkbench.ui.kernels;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Counts the arithmetic of any convolution layer; it opens on the course's homework case. */
final class OpCountPane {
  private final VBox root;

  OpCountPane(OpCountViewModel vm) {
    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(6);
    Object[][] rows = {
        {"kernels.counter.batch", Controls.spinner("count-batch", 1, 4096, vm.batchProperty())},
        {"kernels.counter.inChannels", Controls.spinner("count-in", 1, 4096, vm.inChannelsProperty())},
        {"kernels.counter.height", Controls.spinner("count-h", 1, 8192, vm.heightProperty())},
        {"kernels.counter.width", Controls.spinner("count-w", 1, 8192, vm.widthProperty())},
        {"kernels.counter.outChannels", Controls.spinner("count-out", 1, 4096, vm.outChannelsProperty())},
        {"kernels.counter.kernel", Controls.spinner("count-k", 1, 15, vm.kernelProperty())},
        {"kernels.counter.padding", Controls.spinner("count-p", 0, 20, vm.paddingProperty())},
        {"kernels.counter.stride", Controls.spinner("count-s", 1, 10, vm.strideProperty())}};
    for (int i = 0; i < rows.length; i++) {
      form.add(Controls.label((String) rows[i][0]), i % 2 * 2, i / 2);
      form.add((Node) rows[i][1], i % 2 * 2 + 1, i / 2);
    }
    Label result = new Label();
    result.setId("count-result");
    result.setStyle("-fx-font-family: monospace;");
    result.setWrapText(true);
    result.setMinHeight(Region.USE_PREF_SIZE);
    result.textProperty().bind(vm.text());
    Label intro = Controls.label("kernels.counter.intro");
    intro.setWrapText(true);
    intro.setMinHeight(Region.USE_PREF_SIZE);
    root = new VBox(12, intro, form, result);
    root.setPadding(new Insets(10));
  }

  Node node() {
    return root;
  }
}
