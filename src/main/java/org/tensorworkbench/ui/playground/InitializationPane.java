package org.tensorworkbench.ui.playground;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.tensorworkbench.engine.lab.playground.Activation;
import org.tensorworkbench.engine.lab.playground.Initialization;
import org.tensorworkbench.engine.lab.playground.LayerSpreads;
import org.tensorworkbench.ui.common.Appearance;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.training.CurveChart;
import org.tensorworkbench.ui.training.DecimatedSeries;

/**
 * The Initialization and stability tab: the per-layer spreads of activations and gradients on
 * a log scale for the four initializations, the race of the four, the sigmoid's vanishing
 * gradient and the exploding product of random matrices.
 */
final class InitializationPane {
  private static final Map<Initialization, Color> COLOURS = Map.of(
      Initialization.NORMAL_1, Color.web("#d62728"),
      Initialization.NORMAL_001, Color.web("#7f7f7f"),
      Initialization.XAVIER, Color.web("#1f77b4"),
      Initialization.HE, Color.web("#2ca02c"));

  private final InitializationViewModel vm;
  private final ScrollPane root;
  private final List<CurveChart> charts = new ArrayList<>();

  InitializationPane(InitializationViewModel vm) {
    this.vm = vm;
    var activation = Controls.choice("init-activation", List.of(Activation.SIGMOID, Activation.TANH, Activation.RELU),
        a -> "playground.activation." + a.id(), vm.activationProperty());
    Spinner<Integer> depth = new Spinner<>(2, LayerSpreads.MAX_DEPTH, vm.depthProperty().get());
    depth.setId("init-depth");
    depth.setEditable(true);
    depth.valueProperty().addListener((o, a, v) -> vm.depthProperty().set(v));
    var width = Controls.choice("init-width", List.of(16, 64, 256), w -> "playground.init.width." + w,
        vm.widthProperty().asObject());
    Button race = new Button();
    race.setId("init-race");
    race.textProperty().bind(I18n.text("playground.init.race"));
    race.disableProperty().bind(vm.racingProperty());
    race.setOnAction(e -> vm.race());
    FlowPane controls = new FlowPane(8, 6, label("playground.init.activation"), activation,
        label("playground.init.depth"), depth, label("playground.init.widthLabel"), width, race);
    controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

    CurveChart activations = spreadChart("playground.init.chart.activations", vm.activationSpreads());
    activations.setId("init-activations");
    CurveChart gradients = spreadChart("playground.init.chart.gradients", vm.gradientSpreads());
    gradients.setId("init-gradients");
    CurveChart raceChart = chart("playground.init.chart.race", "playground.chart.steps", lines(vm.raceLosses()));
    raceChart.setId("init-race-chart");
    CurveChart sigmoid = chart("playground.init.chart.sigmoid", "playground.init.chart.x", List.of(
        new CurveChart.Line(I18n.text("playground.init.sigmoid"), Color.web("#1f77b4"), vm.sigmoid(), false),
        new CurveChart.Line(I18n.text("playground.init.sigmoidGradient"), Color.web("#d62728"),
            vm.sigmoidGradient(), false)));
    CurveChart product = chart("playground.init.chart.product", "playground.init.chart.factors", List.of(
        new CurveChart.Line(I18n.text("playground.init.norm"), Color.web("#d62728"), vm.productNorms(), false)));
    product.setId("init-product");
    product.logScaleProperty().set(true);
    product.setIntegerX(true);
    Label productText = new Label();
    productText.setId("init-product-text");
    productText.setWrapText(true);
    productText.textProperty().bind(Bindings.createStringBinding(() -> matrix(vm.productProperty().get()),
        vm.productProperty(), I18n.localeProperty()));

    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(10);
    grid.add(activations, 0, 0);
    grid.add(gradients, 1, 0);
    grid.add(raceChart, 0, 1);
    grid.add(sigmoid, 1, 1);
    grid.add(product, 0, 2);
    grid.add(productText, 1, 2);
    // the charts keep a readable size that grows with the zoom; the tab scrolls when they do not fit
    javafx.beans.binding.DoubleBinding zoom = Appearance.zoomPercentProperty().divide(100.0);
    for (CurveChart c : charts) {
      c.prefWidthProperty().bind(zoom.multiply(460));
      c.prefHeightProperty().bind(zoom.multiply(260));
      c.minWidthProperty().bind(zoom.multiply(420));
      c.minHeightProperty().bind(zoom.multiply(240));
    }
    productText.minWidthProperty().bind(zoom.multiply(420));
    Label message = new Label();
    message.setTextFill(Color.web("#b42318"));
    message.textProperty().bind(Bindings.createStringBinding(
        () -> vm.messageProperty().get() == null ? "" : vm.messageProperty().get().get(),
        vm.messageProperty(), I18n.localeProperty()));
    Label explain = PlaygroundPane.wrapping("playground.explain.initialization");
    explain.setId("init-explain");
    VBox content = new VBox(10, explain, controls, message, grid);
    content.setPadding(new Insets(10));
    content.minWidthProperty().bind(zoom.multiply(880));
    root = new ScrollPane(content);
    root.setFitToWidth(true);
    root.setId("init-pane");
    // the text and the controls wrap at the visible width, not at the charts' width
    javafx.beans.binding.DoubleBinding visible = Bindings.createDoubleBinding(
        () -> Math.max(200, root.getViewportBounds().getWidth() - 20), root.viewportBoundsProperty());
    explain.maxWidthProperty().bind(visible);
    controls.maxWidthProperty().bind(visible);
    controls.prefWrapLengthProperty().bind(visible);
    vm.changedProperty().addListener(o -> charts.forEach(CurveChart::redraw));
  }

  Node root() {
    return root;
  }

  private CurveChart spreadChart(String title, Map<Initialization, DecimatedSeries> series) {
    CurveChart chart = chart(title, "playground.init.chart.layer", lines(series));
    chart.logScaleProperty().set(true);
    chart.setIntegerX(true);
    return chart;
  }

  private CurveChart chart(String title, String xLabel, List<CurveChart.Line> lines) {
    CurveChart chart = new CurveChart(I18n.text(title), I18n.text(xLabel));
    chart.setLines(lines);
    charts.add(chart);
    return chart;
  }

  private static List<CurveChart.Line> lines(Map<Initialization, DecimatedSeries> series) {
    List<CurveChart.Line> lines = new ArrayList<>();
    for (Initialization init : Initialization.values()) {
      lines.add(new CurveChart.Line(I18n.text("playground.init.name." + init.id()), COLOURS.get(init),
          series.get(init), false));
    }
    return lines;
  }

  private static Label label(String key) {
    Label l = new Label();
    l.textProperty().bind(I18n.text(key));
    return l;
  }

  private static String matrix(double[] m) {
    if (m == null) {
      return "";
    }
    StringBuilder text = new StringBuilder(I18n.get("playground.init.productText"));
    for (int i = 0; i < 4; i++) {
      text.append('\n');
      for (int j = 0; j < 4; j++) {
        text.append(String.format("%12.3e", m[i * 4 + j]));
      }
    }
    return text.toString();
  }
}
