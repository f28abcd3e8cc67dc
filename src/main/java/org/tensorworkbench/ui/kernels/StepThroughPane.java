package org.tensorworkbench.ui.kernels;

import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.tensorworkbench.engine.lab.conv.ConvLabResult;
import org.tensorworkbench.engine.lab.conv.ConvParams;
import org.tensorworkbench.engine.lab.conv.FeatureMaps;
import org.tensorworkbench.engine.lab.conv.Kernel2d;
import org.tensorworkbench.engine.lab.conv.WindowExplanation;
import org.tensorworkbench.engine.lab.conv.WindowTerm;
import org.tensorworkbench.ui.common.I18n;

/**
 * The magnified pixel grid: the (padded) input around the window with its numbers, the kernel,
 * and the output around the value being computed, plus the multiply-add written out with the
 * actual numbers. Play slides the window over the output in reading order, with the chosen stride
 * and padding.
 */
final class StepThroughPane {
  private static final double CELL = 34;
  private static final int CONTEXT = 2;
  private static final int MAX_CELLS = 12;
  private static final int MAX_TERMS = 12;

  private final KernelLabViewModel vm;
  private final Canvas canvas = new Canvas(1000, 480);
  private final Label formula = new Label();
  private final Button play = new Button();
  private final Timeline timeline = new Timeline();
  private final VBox root;

  StepThroughPane(KernelLabViewModel vm) {
    this.vm = vm;
    formula.setId("step-formula");
    formula.setWrapText(true);
    formula.setStyle("-fx-font-family: monospace; -fx-font-size: 13px;");
    play.setId("step-play");
    play.textProperty().bind(I18n.text("kernels.step.play"));
    play.setOnAction(e -> togglePlay());
    Button first = new Button();
    first.textProperty().bind(I18n.text("kernels.step.first"));
    first.setOnAction(e -> vm.select(shownChannel(), 0, 0));
    Button next = new Button();
    next.textProperty().bind(I18n.text("kernels.step.next"));
    next.setId("step-next");
    next.setOnAction(e -> advance());
    timeline.getKeyFrames().add(new KeyFrame(Duration.millis(450), e -> {
      if (!advance()) {
        stop();
      }
    }));
    timeline.setCycleCount(Timeline.INDEFINITE);
    Label hint = Controls.label("kernels.step.hint");
    hint.setWrapText(true);
    hint.setMinHeight(Region.USE_PREF_SIZE);
    formula.setMinHeight(Region.USE_PREF_SIZE);
    root = new VBox(8, new HBox(8, first, play, next), hint, new ScrollPane(canvas), formula);
    root.setPadding(new Insets(8));
    vm.explanationProperty().addListener(o -> draw());
    I18n.onChange(root, () -> draw());
  }

  Node node() {
    return root;
  }

  void stop() {
    timeline.stop();
    play.textProperty().bind(I18n.text("kernels.step.play"));
  }

  private void togglePlay() {
    if (timeline.getStatus() == javafx.animation.Animation.Status.RUNNING) {
      stop();
    } else {
      timeline.play();
      play.textProperty().bind(I18n.text("kernels.step.pause"));
    }
  }

  private int shownChannel() {
    return Math.max(0, vm.shownChannelProperty().get());
  }

  /** Moves to the next output position in reading order; false at the end. */
  private boolean advance() {
    ConvLabResult r = vm.resultProperty().get();
    WindowExplanation e = vm.explanationProperty().get();
    if (r == null || e == null) {
      return false;
    }
    int[] shape = r.convShape();
    int row = e.outRow();
    int col = e.outCol() + 1;
    if (col >= shape[3]) {
      col = 0;
      row++;
    }
    if (row >= shape[2]) {
      return false;
    }
    vm.select(e.outChannel() + (r.input().batch() > 1 ? shownChannel() : 0), row, col);
    return true;
  }

  private void draw() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setFill(Color.WHITE);
    g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
    ConvLabResult r = vm.resultProperty().get();
    WindowExplanation e = vm.explanationProperty().get();
    if (r == null || e == null) {
      formula.setText("");
      return;
    }
    ConvParams p = r.params();
    int spanH = p.dilationH() * (r.layer().height() - 1) + 1;
    int spanW = p.dilationW() * (r.layer().width() - 1) + 1;
    int top = e.outRow() * p.strideH() - p.padH(); // unpadded coordinates of the window's corner
    int left = e.outCol() * p.strideW() - p.padW();
    // the whole padded input when it fits (d2l's small examples), else the window with some context
    int rows = Math.min(Math.max(MAX_CELLS, spanH + 2 * CONTEXT), r.input().height() + 2 * p.padH());
    int cols = Math.min(Math.max(MAX_CELLS, spanW + 2 * CONTEXT), r.input().width() + 2 * p.padW());
    int r0 = clamp(top - CONTEXT, -p.padH(), r.input().height() + p.padH() - rows);
    int c0 = clamp(left - CONTEXT, -p.padW(), r.input().width() + p.padW() - cols);
    int n = r.input().batch() > 1 ? shownChannel() : 0;
    int channel = e.terms().get(0).channel();

    g.setFont(Font.font(11));
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    double x0 = 10;
    double y0 = 28;
    g.setFill(Color.BLACK);
    g.setTextAlign(TextAlignment.LEFT);
    g.fillText(I18n.get("kernels.step.input", channel), x0, 12);
    g.setTextAlign(TextAlignment.CENTER);
    float white = vm.imageProperty().get() == null ? 255f : vm.imageProperty().get().fullScale();
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        int row = r0 + i;
        int col = c0 + j;
        boolean pad = row < 0 || col < 0 || row >= r.input().height() || col >= r.input().width();
        float v = pad ? 0 : r.input().value(n, channel, row, col);
        cell(g, x0 + j * CELL, y0 + i * CELL, v, white, pad);
      }
    }
    // the window's taps (dilated taps are spread out)
    g.setStroke(Color.web("#00acc1"));
    g.setLineWidth(2.5);
    for (WindowTerm t : e.terms()) {
      if (t.channel() != channel) {
        continue;
      }
      int i = t.row() - r0;
      int j = t.col() - c0;
      if (i >= 0 && j >= 0 && i < rows && j < cols) {
        g.strokeRect(x0 + j * CELL + 1.5, y0 + i * CELL + 1.5, CELL - 3, CELL - 3);
      }
    }

    double kx = x0 + cols * CELL + 40;
    g.setFill(Color.BLACK);
    g.setTextAlign(TextAlignment.LEFT);
    g.fillText(I18n.get("kernels.step.kernel"), kx, 12);
    g.setTextAlign(TextAlignment.CENTER);
    for (WindowTerm t : e.terms()) {
      if (t.channel() == channel) {
        weightCell(g, kx + t.kernelCol() * CELL, y0 + t.kernelRow() * CELL, t.weight());
      }
    }

    double ox = kx + r.layer().width() * CELL + 40;
    FeatureMaps conv = r.conv();
    int oRows = Math.min(MAX_CELLS - 4, conv.height());
    int oCols = Math.min(MAX_CELLS - 4, conv.width());
    int or0 = clamp(e.outRow() - oRows / 2, 0, conv.height() - oRows);
    int oc0 = clamp(e.outCol() - oCols / 2, 0, conv.width() - oCols);
    g.setFill(Color.BLACK);
    g.setTextAlign(TextAlignment.LEFT);
    g.fillText(I18n.get("kernels.step.output", e.outRow(), e.outCol()), ox, 12);
    g.setTextAlign(TextAlignment.CENTER);
    float lo = conv.min();
    float hi = conv.max();
    for (int i = 0; i < oRows; i++) {
      for (int j = 0; j < oCols; j++) {
        float v = conv.value(n, e.outChannel(), or0 + i, oc0 + j);
        double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        fill(g, ox + j * CELL, y0 + i * CELL, Color.gray(t), t > 0.55 ? Color.BLACK : Color.WHITE, number(v));
        if (or0 + i == e.outRow() && oc0 + j == e.outCol()) {
          g.setStroke(Color.web("#00acc1"));
          g.strokeRect(ox + j * CELL + 1.5, y0 + i * CELL + 1.5, CELL - 3, CELL - 3);
        }
      }
    }
    canvas.setWidth(ox + oCols * CELL + 10);
    canvas.setHeight(y0 + Math.max(Math.max(rows, oRows), r.layer().height()) * CELL + 10);
    formula.setText(formulaText(e));
  }

  private static void cell(GraphicsContext g, double x, double y, float v, float white, boolean pad) {
    double t = Math.max(0, Math.min(1, v / white));
    Color text = pad ? Color.web("#ffcc80") : t > 0.55 ? Color.BLACK : Color.WHITE;
    fill(g, x, y, pad ? Color.web("#3e2723") : Color.gray(t), text, number(v));
  }

  private static void weightCell(GraphicsContext g, double x, double y, float w) {
    Color bg = w > 0 ? Color.web("#ffcdd2") : w < 0 ? Color.web("#bbdefb") : Color.web("#eeeeee");
    fill(g, x, y, bg, Color.BLACK, number(w));
  }

  private static void fill(GraphicsContext g, double x, double y, Color background, Color text, String label) {
    g.setFill(background);
    g.fillRect(x, y, CELL - 1, CELL - 1);
    g.setFill(text);
    g.fillText(label, x + CELL / 2, y + CELL / 2);
  }

  private static String number(float v) {
    if (Math.abs(v) >= 100) {
      return String.valueOf(Math.round(v));
    }
    return Kernel2d.formatWeight(Math.round(v * 100) / 100f);
  }

  /** y = x₁·w₁ + x₂·w₂ + … + b = value, with at most {@link #MAX_TERMS} products written out. */
  static String formulaText(WindowExplanation e) {
    StringBuilder sb = new StringBuilder();
    sb.append(I18n.get("kernels.step.formulaStart", e.outRow(), e.outCol()));
    List<WindowTerm> terms = e.terms();
    for (int i = 0; i < Math.min(MAX_TERMS, terms.size()); i++) {
      WindowTerm t = terms.get(i);
      sb.append(i == 0 ? "" : " + ").append(number(t.input())).append('\u00b7').append(paren(t.weight()));
    }
    if (terms.size() > MAX_TERMS) {
      sb.append(' ').append(I18n.get("kernels.step.more", terms.size() - MAX_TERMS));
    }
    sb.append(" + ").append(paren(e.bias())).append(" = ").append(number((float) e.value()));
    long padded = terms.stream().filter(WindowTerm::padding).count();
    sb.append('\n').append(I18n.get("kernels.step.counts", terms.size(), terms.size() - 1, padded));
    return sb.toString();
  }

  private static String paren(float v) {
    String s = number(v);
    return v < 0 ? "(" + s + ")" : s;
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(Math.max(lo, hi), v));
  }
}
