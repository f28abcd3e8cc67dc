package org.tensorworkbench.ui.norm;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.tensorworkbench.engine.lab.norm.BatchNormSteps;
import org.tensorworkbench.engine.lab.norm.LayerNormSteps;
import org.tensorworkbench.engine.lab.norm.NormKind;
import org.tensorworkbench.engine.lab.tensor.TensorValues;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.tensors.CellLook;
import org.tensorworkbench.ui.tensors.CellText;
import org.tensorworkbench.ui.tensors.LabControls;
import org.tensorworkbench.ui.tensors.TensorCanvas;

/**
 * BatchNorm against LayerNorm on the same tensor. Cells are coloured by the group that shares
 * one mean: by channel for BatchNorm (over N, H, W), by sample for LayerNorm (over C, H, W).
 * Pointing at a cell outlines its group in both pictures and states both groups' statistics.
 */
public final class ComparePane {
  private final NormViewModel model;
  private final TensorCanvas batchGroups = new TensorCanvas();
  private final TensorCanvas layerGroups = new TensorCanvas();
  private final TensorCanvas batchOut = new TensorCanvas();
  private final TensorCanvas layerOut = new TensorCanvas();
  private final Label pointer = new Label();
  private final ScrollPane root;
  private boolean syncing;

  public ComparePane(NormViewModel model) {
    this.model = model;
    pointer.setWrapText(true);
    pointer.setId("compare-pointer");
    pointer.setStyle("-fx-font-family: 'Monospaced';");
    batchGroups.setId("compare-batch");
    layerGroups.setId("compare-layer");
    FlowPane groups = new FlowPane(32, 16,
        new VBox(4, LabControls.heading("norm.compare.batch"), batchGroups),
        new VBox(4, LabControls.heading("norm.compare.layer"), layerGroups));
    FlowPane outputs = new FlowPane(32, 16,
        new VBox(4, LabControls.heading("norm.compare.batchOut"), batchOut),
        new VBox(4, LabControls.heading("norm.compare.layerOut"), layerOut));
    VBox content = new VBox(10,
        new NormInputEditor(model, "compare"),
        LabControls.label("norm.compare.intro"),
        LabControls.section("norm.section.groups", new VBox(8, groups, pointer)),
        LabControls.section("norm.section.outputs", outputs));
    content.setPadding(new Insets(12));
    root = new ScrollPane(content);
    root.setFitToWidth(true);
    model.resultProperty().addListener((obs, old, r) -> show(r, -1));
    I18n.onChange(root, () -> show(model.resultProperty().get(), -1));
    for (TensorCanvas c : new TensorCanvas[] {batchGroups, layerGroups, batchOut, layerOut}) {
      c.hoveredProperty().addListener((obs, old, flat) -> {
        if (!syncing) {
          show(model.resultProperty().get(), flat.intValue());
        }
      });
    }
  }

  public ScrollPane root() {
    return root;
  }

  private void show(NormResult r, int hovered) {
    if (r == null) {
      for (TensorCanvas c : new TensorCanvas[] {batchGroups, layerGroups, batchOut, layerOut}) {
        c.show(null, null);
      }
      pointer.setText("");
      return;
    }
    int[] shape = r.batch().input().shape();
    int batchGroup = hovered < 0 ? -1 : NormKind.BATCH.groupOf(shape, hovered);
    int layerGroup = hovered < 0 ? -1 : NormKind.LAYER.groupOf(shape, hovered);
    syncing = true;
    batchGroups.show(r.batch().input(), looks(shape, NormKind.BATCH, batchGroup));
    layerGroups.show(r.layer().input(), looks(shape, NormKind.LAYER, layerGroup));
    batchOut.show(r.batch().output(), looks(shape, NormKind.BATCH, batchGroup));
    layerOut.show(r.layer().output(), looks(shape, NormKind.LAYER, layerGroup));
    syncing = false;
    pointer.setText(hovered < 0 ? I18n.get("norm.compare.hint") : describe(r, shape, hovered, batchGroup, layerGroup));
  }

  private static java.util.function.IntFunction<CellLook> looks(int[] shape, NormKind kind, int emphasized) {
    return i -> {
      int g = kind.groupOf(shape, i);
      return new CellLook(Palette.fill(g), emphasized >= 0 && g != emphasized, null, g == emphasized);
    };
  }

  private static String describe(NormResult r, int[] shape, int flat, int channel, int sample) {
    BatchNormSteps b = r.batch();
    LayerNormSteps l = r.layer();
    String index = CellText.index(TensorValues.unravel(shape, flat));
    return I18n.get("norm.compare.pointer", index, CellText.format(b.input().at(flat), false),
        channel, NormKind.BATCH.groupSize(shape), fmt(b.mean()[channel]), fmt(b.variance()[channel]),
        CellText.format(b.output().at(flat), false),
        sample, NormKind.LAYER.groupSize(shape), fmt(l.mean()[sample]), fmt(l.variance()[sample]),
        CellText.format(l.output().at(flat), false));
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
