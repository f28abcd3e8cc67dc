package org.tensorworkbench.ui.generalization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;
import org.tensorworkbench.engine.lab.generalization.DropoutExperiment.Variant;
import org.tensorworkbench.engine.lab.generalization.DropoutMasks;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.common.Appearance;
import org.tensorworkbench.ui.common.FrameDrain;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.generalization.DropoutViewModel.EpochAccuracy;
import org.tensorworkbench.ui.tensors.LabControls;
import org.tensorworkbench.ui.training.CurveChart;
import org.tensorworkbench.ui.training.DecimatedSeries;

/**
 * Dropout (d2l 5.6): the MLP trained with and without dropout side by side (train and test
 * accuracy per epoch, and the gap), and the mask panel: one minibatch's hidden activations
 * before dropout, after it in training (dropped units crossed out, the rest scaled by 1/(1 − p)),
 * and at inference, where nothing is dropped.
 */
final class DropoutPane {
  /** Hidden units shown in the mask panel (of 256). */
  static final int UNITS_SHOWN = 16;

  private final DropoutViewModel model;
  private final CurveChart without = new CurveChart(I18n.text("generalization.dropout.chartWithout"),
      I18n.text("generalization.axis.epoch"));
  private final CurveChart with = new CurveChart(I18n.text("generalization.dropout.chartWith"),
      I18n.text("generalization.axis.epoch"));
  private final MaskGrid before = new MaskGrid(MaskGrid.Kind.BEFORE);
  private final MaskGrid training = new MaskGrid(MaskGrid.Kind.TRAINING);
  private final MaskGrid inference = new MaskGrid(MaskGrid.Kind.INFERENCE);
  private final Label maskSummary = new Label();
  private final Parent root;

  DropoutPane(DropoutViewModel model) {
    this.model = model;
    Button start = Forms.button("generalization.start", "dropout-start", model::start);
    start.getStyleClass().add("accent");
    start.disableProperty().bind(model.busyProperty());
    Button stop = Forms.button("generalization.stop", "dropout-stop", model::stop);
    stop.disableProperty().bind(model.busyProperty().not());
    ProgressBar progress = new ProgressBar();
    progress.setId("dropout-progress");
    progress.progressProperty().bind(model.progressProperty());
    Label phase = new Label();
    phase.setId("dropout-phase");
    phase.setMinWidth(Region.USE_PREF_SIZE);
    phase.textProperty().bind(Bindings.createStringBinding(() -> Messages.get("generalization.dropout.phase."
        + model.phaseProperty().get().name().toLowerCase(Locale.ROOT)), model.phaseProperty(), I18n.localeProperty()));
    FlowPane settings = new FlowPane(10, 6,
        Forms.field("generalization.dropout.p1", "dropout-p1", model.p1Property(), 4),
        Forms.field("generalization.dropout.p2", "dropout-p2", model.p2Property(), 4),
        Forms.field("generalization.dropout.images", "dropout-images", model.trainImagesProperty(), 6),
        Forms.field("generalization.epochs", "dropout-epochs", model.epochsProperty(), 3),
        Forms.field("generalization.lr", "dropout-lr", model.learningRateProperty(), 4),
        Forms.field("generalization.seed", "dropout-seed", model.seedProperty(), 4), start, stop, progress, phase);
    settings.setAlignment(Pos.CENTER_LEFT);
    without.setId("dropout-chart-without");
    with.setId("dropout-chart-with");
    for (CurveChart c : List.of(without, with)) {
      c.setPrefHeight(260);
      c.setUnitRange(true);
      c.setIntegerX(true);
    }
    Label note = LabControls.label("generalization.dropout.note");
    note.setStyle("-fx-text-fill: #5b6775;");
    note.setMinHeight(Region.USE_PREF_SIZE);
    VBox results = new VBox(2, result(Variant.WITHOUT), result(Variant.WITH));
    root = Forms.page("generalization-dropout", "generalization.dropout.title", "generalization.dropout.explain",
        settings, LabControls.errorLine(model.errorProperty()), new ChartRow(without, with), note, results,
        Forms.heading("generalization.dropout.maskTitle"), maskPanel());
    for (Variant v : Variant.values()) {
      model.curve(v).addListener((ListChangeListener<EpochAccuracy>) change -> show(v));
    }
    model.maskProperty().addListener((obs, old, now) -> showMask(now));
    Appearance.onZoomChange(root, () -> showMask(model.maskProperty().get()));
    I18n.onChange(root, () -> showMask(model.maskProperty().get()));
    FrameDrain.whileBusy(model.busyProperty(), model::drain);
  }

  Parent root() {
    return root;
  }

  private Label result(Variant v) {
    Label line = new Label();
    line.setId("dropout-result-" + v.name().toLowerCase(Locale.ROOT));
    line.setWrapText(true);
    line.setMinHeight(Region.USE_PREF_SIZE);
    line.textProperty().bind(Bindings.createStringBinding(() -> {
      List<EpochAccuracy> c = model.curve(v);
      if (c.isEmpty()) {
        return "";
      }
      EpochAccuracy last = c.get(c.size() - 1);
      return Messages.get("generalization.dropout.result." + v.name().toLowerCase(Locale.ROOT), fmt(last.train()),
          fmt(last.test()), fmt(last.gap()), last.epoch());
    }, model.curve(v), I18n.localeProperty()));
    return line;
  }

  private VBox maskPanel() {
    ChoiceBox<Integer> layer = new ChoiceBox<>();
    layer.setId("dropout-mask-layer");
    layer.getItems().addAll(1, 2);
    layer.valueProperty().bindBidirectional(model.maskLayerProperty());
    layer.setConverter(new StringConverter<>() {
      @Override
      public String toString(Integer value) {
        return value == null ? "" : Messages.get("generalization.dropout.layer", value);
      }

      @Override
      public Integer fromString(String text) {
        return null;
      }
    });
    I18n.onChange(layer, () -> {
      Integer v = layer.getValue();
      layer.setValue(null);
      layer.setValue(v);
    });
    Button draw = Forms.button("generalization.dropout.draw", "dropout-mask-draw", model::drawMask);
    draw.disableProperty().bind(model.busyProperty());
    FlowPane controls = new FlowPane(10, 6, layer, draw);
    controls.setAlignment(Pos.CENTER_LEFT);
    Label explain = LabControls.label("generalization.dropout.maskExplain", UNITS_SHOWN);
    explain.setMinHeight(Region.USE_PREF_SIZE);
    explain.setStyle("-fx-text-fill: #3d4b5c;");
    FlowPane grids = new FlowPane(16, 10,
        captioned("generalization.dropout.gridBefore", before),
        captioned("generalization.dropout.gridTraining", training),
        captioned("generalization.dropout.gridInference", inference));
    grids.setId("dropout-masks");
    grids.visibleProperty().bind(model.maskProperty().isNotNull()); // empty grids would squeeze their captions
    grids.managedProperty().bind(grids.visibleProperty());
    maskSummary.setId("dropout-mask-summary");
    maskSummary.setWrapText(true);
    maskSummary.setMinHeight(Region.USE_PREF_SIZE);
    return new VBox(8, explain, controls, grids, maskSummary);
  }

  /** A grid under its caption, the caption wrapped to the grid's width. */
  private static VBox captioned(String key, MaskGrid grid) {
    Label caption = LabControls.label(key);
    caption.setWrapText(true);
    caption.setStyle("-fx-font-weight: bold;");
    caption.maxWidthProperty().bind(grid.widthProperty());
    caption.setMinHeight(Region.USE_PREF_SIZE);
    return new VBox(4, caption, grid);
  }

  private void show(Variant v) {
    List<EpochAccuracy> c = List.copyOf(model.curve(v));
    double[] epochs = new double[c.size()];
    double[] train = new double[c.size()];
    double[] test = new double[c.size()];
    for (int i = 0; i < c.size(); i++) {
      epochs[i] = c.get(i).epoch();
      train[i] = c.get(i).train();
      test[i] = c.get(i).test();
    }
    Color colour = v == Variant.WITH ? Color.web("#e15759") : Color.web("#4e79a7");
    List<CurveChart.Line> lines = new ArrayList<>();
    lines.add(new CurveChart.Line(I18n.text("generalization.dropout.train"), colour, Forms.series(epochs, train), true));
    lines.add(new CurveChart.Line(I18n.text("generalization.dropout.test"), colour, Forms.series(epochs, test), false));
    (v == Variant.WITH ? with : without).setLines(lines);
  }

  private void showMask(DropoutMasks.Sample s) {
    if (s == null) {
      maskSummary.setText("");
      return;
    }
    int[] rows = shownUnits(s);
    double max = 0;
    for (int u : rows) {
      for (int e = 0; e < s.examples(); e++) {
        int i = s.index(u, e);
        max = Math.max(max, Math.max(s.training()[i], Math.max(s.before()[i], s.inference()[i])));
      }
    }
    before.show(s, rows, max);
    training.show(s, rows, max);
    inference.show(s, rows, max);
    String example = "";
    for (int i = 0; i < s.kept().length && example.isEmpty(); i++) {
      if (s.kept()[i] && s.before()[i] > 0) {
        example = Messages.get("generalization.dropout.maskExample", fmt(s.before()[i]), fmt(s.training()[i]));
      }
    }
    maskSummary.setText(Messages.get("generalization.dropout.maskSummary", s.droppedCount(), s.kept().length,
        String.format(Locale.ROOT, "%.1f", 100 * s.droppedShare()), fmt(s.p()), fmt(1 / (1 - s.p())), example,
        s.nodeId().endsWith("2") ? 2 : 1));
  }

  /**
   * The first {@link #UNITS_SHOWN} units that are positive for at least one of the images (a
   * ReLU layer leaves many at 0 everywhere, and a row of zeros shows nothing), then others.
   */
  static int[] shownUnits(DropoutMasks.Sample s) {
    int n = Math.min(UNITS_SHOWN, s.units());
    int[] rows = new int[n];
    int k = 0;
    for (int pass = 0; pass < 2 && k < n; pass++) {
      for (int u = 0; u < s.units() && k < n; u++) {
        boolean active = false;
        for (int e = 0; e < s.examples(); e++) {
          active |= s.before()[s.index(u, e)] > 0 || s.inferenceBefore()[s.index(u, e)] > 0;
        }
        if (active == (pass == 0)) {
          rows[k++] = u;
        }
      }
    }
    java.util.Arrays.sort(rows);
    return rows;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
