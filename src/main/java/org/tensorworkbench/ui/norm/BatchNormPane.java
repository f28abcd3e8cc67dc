package org.tensorworkbench.ui.norm;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.tensorworkbench.engine.lab.norm.BatchNormSteps;
import org.tensorworkbench.engine.lab.norm.Histogram;
import org.tensorworkbench.engine.lab.tensor.Shapes;
import org.tensorworkbench.engine.lab.tensor.TensorValues;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.tensors.CellLook;
import org.tensorworkbench.ui.tensors.CodeLinesPane;
import org.tensorworkbench.ui.tensors.LabControls;
import org.tensorworkbench.ui.tensors.TensorCanvas;

/**
 * BatchNorm step by step: the input coloured by channel, the (N·H·W, C) table, the per-channel
 * mean and variance, the normalized table, the scaled and shifted table, the output, and per
 * channel a histogram before and after. Each step shows its PyTorch and ND4J line.
 */
public final class BatchNormPane {
  private static final int BINS = 16;

  private final NormViewModel model;
  private final TensorCanvas input = new TensorCanvas();
  private final TensorCanvas rows = new TensorCanvas();
  private final GridPane stats = new GridPane();
  private final Label statsNote = new Label();
  private final TensorCanvas normalized = new TensorCanvas();
  private final TensorCanvas scaled = new TensorCanvas();
  private final TensorCanvas output = new TensorCanvas();
  private final GridPane histograms = new GridPane();
  private final CodeLinesPane[] code = new CodeLinesPane[5];
  private final Label pointer = new Label();
  private final ScrollPane root;

  public BatchNormPane(NormViewModel model) {
    this.model = model;
    for (int i = 0; i < code.length; i++) {
      code[i] = new CodeLinesPane();
    }
    stats.setHgap(14);
    stats.setVgap(3);
    stats.setId("bn-stats");
    statsNote.setWrapText(true);
    histograms.setHgap(10);
    histograms.setVgap(4);
    pointer.setStyle("-fx-font-family: 'Monospaced';");
    output.setId("bn-output");
    VBox content = new VBox(10,
        new NormInputEditor(model, "bn"),
        LabControls.label("norm.convention"),
        step("norm.step.input", LabControls.captioned(LabControls.shapeCaption("X", input), input), pointer),
        steps(
            column("norm.step.reshape", LabControls.captioned(LabControls.shapeCaption("R", rows), rows), code[0], 330),
            column("norm.step.stats", new VBox(6, stats, statsNote), code[1], 520),
            column("norm.step.normalize",
                LabControls.captioned(LabControls.shapeCaption("R_hat", normalized), normalized), code[2], 330),
            column("norm.step.affine", LabControls.captioned(LabControls.shapeCaption("Y_rows", scaled), scaled),
                code[3], 330)),
        step("norm.step.reshapeBack", LabControls.captioned(LabControls.shapeCaption("Y", output), output), code[4]),
        LabControls.section("norm.section.histograms", histograms));
    content.setPadding(new Insets(12));
    root = new ScrollPane(content);
    root.setFitToWidth(true);
    model.resultProperty().addListener((obs, old, r) -> show(r));
    I18n.onChange(root, () -> show(model.resultProperty().get()));
    for (TensorCanvas c : new TensorCanvas[] {input, output}) {
      c.hoveredProperty().addListener((obs, old, flat) -> pointer.setText(c.describe(flat.intValue())));
    }
  }

  public ScrollPane root() {
    return root;
  }

  private static Node step(String titleKey, Node body, Node below) {
    return LabControls.section(titleKey, new VBox(8, body, below));
  }

  private static FlowPane steps(Node... columns) {
    FlowPane pane = new FlowPane(12, 12, columns);
    pane.setRowValignment(javafx.geometry.VPos.TOP);
    pane.setAlignment(javafx.geometry.Pos.TOP_LEFT);
    return pane;
  }

  /** One step as a narrow titled column, so the steps stand side by side. */
  private static Node column(String titleKey, Node body, Node below, double width) {
    javafx.scene.control.TitledPane pane = LabControls.section(titleKey, new VBox(8, body, below));
    pane.setMaxWidth(width);
    pane.setPrefWidth(width);
    pane.setWrapText(true);
    return pane;
  }

  private void show(NormResult result) {
    stats.getChildren().clear();
    histograms.getChildren().clear();
    pointer.setText("");
    if (result == null) {
      for (TensorCanvas c : new TensorCanvas[] {input, rows, normalized, scaled, output}) {
        c.show(null, null);
      }
      for (CodeLinesPane c : code) {
        c.show(null);
      }
      return;
    }
    BatchNormSteps s = result.batch();
    int[] shape = s.input().shape();
    input.show(s.input(), i -> new CellLook(Palette.fill(TensorValues.unravel(shape, i)[1]), false, null, false));
    int channels = s.channels();
    java.util.function.IntFunction<CellLook> byColumn = i -> new CellLook(Palette.fill(i % channels), false, null, false);
    rows.show(s.rows(), byColumn);
    normalized.show(s.normalizedRows(), byColumn);
    scaled.show(s.outputRows(), byColumn);
    output.show(s.output(), i -> new CellLook(Palette.fill(TensorValues.unravel(shape, i)[1]), false, null, false));
    fillStats(s);
    fillHistograms(s);
    for (int i = 0; i < code.length; i++) {
      code[i].show(s.code().get(i));
    }
  }

  private void fillStats(BatchNormSteps s) {
    int rowsCount = s.rows().shape()[0];
    stats.addRow(0, bold(I18n.get("norm.stats.channel")), bold(I18n.get("norm.stats.mean")),
        bold(I18n.get("norm.stats.variance", rowsCount)), bold(I18n.get("norm.stats.unbiased", rowsCount - 1)),
        bold("γ"), bold("β"));
    for (int c = 0; c < s.channels(); c++) {
      Label name = bold("c = " + c);
      name.setStyle(name.getStyle() + "-fx-text-fill: " + toWeb(Palette.strong(c)) + ";");
      stats.addRow(c + 1, name, mono(s.mean()[c]), mono(s.variance()[c]), mono(s.unbiasedVariance()[c]),
          mono(s.gamma()[c]), mono(s.beta()[c]));
    }
    statsNote.setText(I18n.get("norm.stats.over", Shapes.list(s.input().shape()), rowsCount));
  }

  private void fillHistograms(BatchNormSteps s) {
    histograms.addRow(0, new Label(), new Label(I18n.get("norm.hist.before")), new Label(I18n.get("norm.hist.after")));
    for (int c = 0; c < s.channels(); c++) {
      double[] before = BatchNormSteps.column(s.rows(), c);
      double[] after = BatchNormSteps.column(s.outputRows(), c);
      double lo = Math.min(min(before), min(after));
      double hi = Math.max(max(before), max(after));
      if (hi - lo < 1e-9) {
        hi = lo + 1;
      }
      HistogramChart b = new HistogramChart();
      b.show(Histogram.of(before, BINS, lo, hi), Palette.strong(c),
          I18n.get("norm.hist.title", c, tidy(s.mean()[c]), Math.sqrt(s.variance()[c])));
      HistogramChart a = new HistogramChart();
      a.show(Histogram.of(after, BINS, lo, hi), Palette.strong(c), I18n.get("norm.hist.title", c, tidy(s.outputMean()[c]),
          Math.sqrt(s.outputVariance()[c])));
      histograms.addRow(c + 1, bold("c = " + c), b, a);
    }
  }

  private static Label bold(String text) {
    Label l = new Label(text);
    l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    l.setStyle("-fx-font-weight: bold;");
    return l;
  }

  private static Label mono(double v) {
    Label l = new Label(String.format(Locale.ROOT, "%.4f", v));
    l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    l.setStyle("-fx-font-family: 'Monospaced';");
    return l;
  }

  private static String toWeb(javafx.scene.paint.Color c) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", (int) (c.getRed() * 255), (int) (c.getGreen() * 255),
        (int) (c.getBlue() * 255));
  }

  /** Rounding noise such as -1e-17 would print as "-0.00". */
  private static double tidy(double v) {
    return Math.abs(v) < 5e-3 ? 0.0 : v;
  }

  private static double min(double[] v) {
    return java.util.Arrays.stream(v).min().orElse(0);
  }

  private static double max(double[] v) {
    return java.util.Arrays.stream(v).max().orElse(0);
  }
}
