package org.tensorworkbench.ui.kernels;

import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.tensorworkbench.engine.lab.conv.Kernel2d;

/**
 * The editable kernel: one text field per weight. Every parsable edit is applied at once (the
 * output follows while typing); the grid is rebuilt when the kernel changes shape.
 */
final class KernelGridEditor {
  private final KernelLabViewModel vm;
  private final GridPane grid = new GridPane();
  private TextField[][] fields = new TextField[0][0];

  KernelGridEditor(KernelLabViewModel vm) {
    this.vm = vm;
    grid.setId("kernel-grid");
    grid.setHgap(2);
    grid.setVgap(2);
    vm.kernelProperty().addListener((obs, old, k) -> show(k));
    show(vm.kernelProperty().get());
  }

  GridPane node() {
    return grid;
  }

  private void show(Kernel2d k) {
    if (fields.length != k.rows() || fields[0].length != k.cols()) {
      rebuild(k);
      return;
    }
    for (int r = 0; r < k.rows(); r++) {
      for (int c = 0; c < k.cols(); c++) {
        TextField f = fields[r][c];
        Float shown = parse(f.getText());
        if (!f.isFocused() && (shown == null || shown != k.at(r, c))) {
          f.setText(Kernel2d.formatWeight(k.at(r, c)));
        }
      }
    }
  }

  private void rebuild(Kernel2d k) {
    grid.getChildren().clear();
    fields = new TextField[k.rows()][k.cols()];
    double width = k.cols() > 5 ? 46 : 58;
    for (int r = 0; r < k.rows(); r++) {
      for (int c = 0; c < k.cols(); c++) {
        TextField f = new TextField(Kernel2d.formatWeight(k.at(r, c)));
        f.setId("weight-" + r + "-" + c);
        f.setPrefWidth(width);
        f.getStyleClass().add("kernel-weight");
        int row = r;
        int col = c;
        f.textProperty().addListener((obs, old, text) -> {
          Float v = parse(text);
          f.setStyle(v == null ? "-fx-text-fill: #c62828;" : "");
          if (v != null) {
            vm.setWeight(row, col, v);
          }
        });
        fields[r][c] = f;
        grid.add(f, c, r);
      }
    }
  }

  private static Float parse(String text) {
    try {
      return Float.parseFloat(text.trim().replace('\u2212', '-'));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
