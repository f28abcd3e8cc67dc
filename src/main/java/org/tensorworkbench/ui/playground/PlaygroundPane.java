package org.tensorworkbench.ui.playground;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.tensorworkbench.engine.lab.playground.Activation;
import org.tensorworkbench.engine.lab.playground.InputFeature;
import org.tensorworkbench.engine.lab.playground.PlaygroundDataset;
import org.tensorworkbench.engine.lab.playground.TrainingMetrics;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.ui.common.Appearance;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.Showing;
import org.tensorworkbench.ui.training.CurveChart;
import org.tensorworkbench.ui.training.FrameTimer;

/**
 * The Playground tab: data, network and training settings on the left; the network with every
 * neuron's picture, the input plane with the decision boundary, and the loss curves. An
 * animation timer drains the newest results once per frame and asks for the next burst.
 */
final class PlaygroundPane {
  private static final List<Double> LEARNING_RATES = List.of(0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0);
  private static final List<Double> L2_VALUES = List.of(0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1);
  private static final List<Double> DROPOUTS = List.of(0.0, 0.1, 0.2, 0.3, 0.5);
  private static final List<Integer> SPEEDS = List.of(1, 10, 100, 0);

  private final PlaygroundViewModel vm;
  private final BorderPane content = new BorderPane();
  private final ScrollPane root = new ScrollPane(content);
  private final PlaneCanvas plane = new PlaneCanvas();
  private final NetworkDiagram diagram = new NetworkDiagram();
  private final CurveChart chart;
  private final FrameTimer frames = new FrameTimer();
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PlaygroundPane.class);
  private boolean picturesDirty = true;
  private long refreshes;
  private long playStartNanos;
  private long playStartSteps;
  private boolean curvesDirty;

  PlaygroundPane(PlaygroundViewModel vm) {
    this.vm = vm;
    root.setId("playground-pane");
    root.setFitToWidth(true);
    root.setFitToHeight(true);
    // below this size (in em: it grows with the zoom) the tab scrolls instead of squeezing
    javafx.beans.binding.DoubleBinding zoom = Appearance.zoomPercentProperty().divide(100.0);
    content.minWidthProperty().bind(zoom.multiply(860));
    content.minHeightProperty().bind(zoom.multiply(600));
    chart = new CurveChart(I18n.text("playground.chart.title"), I18n.text("playground.chart.steps"));
    chart.setId("playground-curves");
    chart.setIntegerX(true);
    chart.setLines(List.of(
        new CurveChart.Line(I18n.text("playground.chart.train"), Color.web("#1f77b4"), vm.trainLoss(), false),
        new CurveChart.Line(I18n.text("playground.chart.test"), Color.web("#f08a24"), vm.testLoss(), false)));
    chart.setPrefSize(320, 200);
    plane.setId("playground-plane");
    diagram.setId("playground-network");

    content.setTop(toolbar());
    ScrollPane settings = new ScrollPane(settings());
    settings.setFitToWidth(true);
    settings.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    settings.setMinWidth(200);
    settings.prefViewportWidthProperty().bind(zoom.multiply(270));
    content.setLeft(settings);

    VBox right = new VBox(8, plane, chart);
    right.setMinWidth(180);
    right.prefWidthProperty().bind(zoom.multiply(330));
    VBox.setVgrow(chart, Priority.ALWAYS);
    HBox centre = new HBox(8, diagram, right);
    HBox.setHgrow(diagram, Priority.ALWAYS);
    centre.setPadding(new Insets(8));
    Label explain = wrapping("playground.explain.playground");
    explain.setId("playground-explain");
    Label message = new Label();
    message.setId("playground-message");
    message.getStyleClass().add("error-message");
    message.setTextFill(Color.web("#b42318"));
    message.setWrapText(true);
    message.textProperty().bind(Bindings.createStringBinding(
        () -> vm.messageProperty().get() == null ? "" : vm.messageProperty().get().get(),
        vm.messageProperty(), I18n.localeProperty()));
    message.visibleProperty().bind(vm.messageProperty().isNotNull());
    message.managedProperty().bind(message.visibleProperty());
    // the texts wrap at the visible width even when the tab is scrolled sideways
    javafx.beans.binding.DoubleBinding visible = Bindings.createDoubleBinding(
        () -> Math.max(200, root.getViewportBounds().getWidth() - 20), root.viewportBoundsProperty());
    explain.maxWidthProperty().bind(visible);
    message.maxWidthProperty().bind(visible);
    VBox bottom = new VBox(4, message, explain);
    bottom.setPadding(new Insets(4, 8, 8, 8));
    content.setCenter(centre);
    content.setBottom(bottom);

    vm.picturesProperty().addListener(o -> {
      picturesDirty = true;
      refreshes++;
    });
    vm.runningProperty().addListener((o, was, running) -> {
      if (running) {
        frames.reset();
        refreshes = 0;
        playStartNanos = System.nanoTime();
        playStartSteps = steps();
      } else {
        logSpeed();
      }
    });
    vm.dataProperty().addListener(o -> picturesDirty = true);
    vm.curvesChangedProperty().addListener(o -> curvesDirty = true);
    I18n.onChange(root, () -> picturesDirty = true);
    AnimationTimer timer = new AnimationTimer() {
      @Override
      public void handle(long now) {
        long start = System.nanoTime();
        boolean worked = picturesDirty || curvesDirty;
        drain();
        vm.frame();
        if (worked) {
          frames.record(System.nanoTime() - start);
        }
      }
    };
    Showing.whileShowing(root, timer::start, timer::stop);
    drain();
  }

  Node root() {
    return root;
  }

  /** The FX thread's time per frame with work, for the benchmark in the report. */
  FrameTimer frames() {
    return frames;
  }

  PlaneCanvas plane() {
    return plane;
  }

  /** Writes the speed of the last run of Play to the log: the benchmark of the live screen. */
  private void logSpeed() {
    double seconds = (System.nanoTime() - playStartNanos) / 1e9;
    if (seconds > 1) {
      LOG.info("Playground: {} steps/s, {} refreshes/s, FX work per frame median {} ms, 99th percentile {} ms"
          + " ({} frames)", Math.round((steps() - playStartSteps) / seconds), Math.round(refreshes / seconds),
          String.format("%.2f", frames.percentileMillis(50)), String.format("%.2f", frames.percentileMillis(99)),
          frames.count());
    }
  }

  private long steps() {
    return vm.metricsProperty().get() == null ? 0 : vm.metricsProperty().get().steps();
  }

  private void drain() {
    if (picturesDirty) {
      picturesDirty = false;
      plane.show(vm.dataProperty().get(), vm.picturesProperty().get() == null ? null
          : vm.picturesProperty().get().boundary());
      diagram.show(vm.snapshotProperty().get(), vm.picturesProperty().get(), featureNames(), columnTitles());
    }
    if (curvesDirty) {
      curvesDirty = false;
      chart.redraw();
    }
  }

  private List<String> featureNames() {
    return vm.featureSet().stream().map(f -> I18n.get("playground.feature." + f.id())).toList();
  }

  private List<String> columnTitles() {
    List<String> titles = new ArrayList<>();
    titles.add(I18n.get("playground.column.features"));
    var snapshot = vm.snapshotProperty().get();
    int hidden = snapshot == null ? 0 : snapshot.sizes().length - 2;
    for (int l = 1; l <= hidden; l++) {
      titles.add(I18n.get("playground.column.hidden", l));
    }
    return titles;
  }

  private Node toolbar() {
    Button play = new Button();
    play.setId("playground-play");
    play.textProperty().bind(Bindings.when(vm.runningProperty())
        .then(I18n.text("playground.action.pause")).otherwise(I18n.text("playground.action.play")));
    play.setOnAction(e -> {
      if (vm.runningProperty().get()) {
        vm.pause();
      } else {
        vm.play();
      }
    });
    play.disableProperty().bind(vm.snapshotProperty().isNull().and(vm.runningProperty().not()));
    Button step = button("playground-step", "playground.action.step", vm::step);
    step.disableProperty().bind(vm.snapshotProperty().isNull());
    Button reset = button("playground-reset", "playground.action.reset", vm::reset);
    Button builder = button("playground-open-builder", "playground.action.openInBuilder", vm::openInBuilder);
    builder.disableProperty().bind(vm.snapshotProperty().isNull());
    ObjectProperty<Integer> speed = new SimpleObjectProperty<>(vm.stepsPerFrameProperty().get());
    speed.addListener((o, a, v) -> vm.stepsPerFrameProperty().set(v));
    var speedBox = Controls.choice("playground-speed", SPEEDS, s -> s == 0 ? "playground.speed.max"
        : "playground.speed." + s, speed);
    Label speedLabel = new Label();
    speedLabel.textProperty().bind(I18n.text("playground.training.speed"));
    Label status = new Label();
    status.setId("playground-status");
    status.textProperty().bind(Bindings.createStringBinding(() -> status(vm.metricsProperty().get()),
        vm.metricsProperty(), I18n.localeProperty()));
    FlowPane bar = new FlowPane(8, 6, play, step, reset, speedLabel, speedBox, builder, status);
    bar.setPadding(new Insets(8));
    bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    return bar;
  }

  private static String status(TrainingMetrics m) {
    if (m == null) {
      return "";
    }
    if (Double.isNaN(m.testAccuracy())) {
      return I18n.get("playground.status.regression", m.steps(), m.trainLoss(), m.testLoss());
    }
    return I18n.get("playground.status.classification", m.steps(), m.trainLoss(), m.testLoss(), m.testAccuracy());
  }

  private Node settings() {
    GridPane grid = new GridPane();
    grid.setHgap(6);
    grid.setVgap(6);
    grid.setPadding(new Insets(8));
    ColumnConstraints labels = new ColumnConstraints();
    ColumnConstraints fields = new ColumnConstraints();
    fields.setHgrow(Priority.ALWAYS);
    fields.setMinWidth(90);
    grid.getColumnConstraints().addAll(labels, fields);

    Controls.title(grid, "playground.section.data");
    ObjectProperty<PlaygroundDataset> dataset = new SimpleObjectProperty<>(vm.datasetProperty().get());
    dataset.addListener((o, a, v) -> vm.chooseDataset(v));
    vm.datasetProperty().addListener((o, a, v) -> dataset.set(v));
    Controls.row(grid, "playground.data.dataset", Controls.choice("playground-dataset",
        List.of(PlaygroundDataset.values()), d -> "playground.dataset." + d.id(), dataset));
    Spinner<Integer> classes = intSpinner("playground-classes", 1, 9, vm.classesProperty());
    classes.disableProperty().bind(Bindings.createBooleanBinding(
        () -> vm.datasetProperty().get().maxClasses() <= 2, vm.datasetProperty()));
    Controls.row(grid, "playground.data.classes", classes);
    Controls.row(grid, "playground.data.noise", slider("playground-noise", 0, 1, vm.noiseProperty()));
    Controls.row(grid, "playground.data.points", intSpinner("playground-points", 10, 2000, vm.pointsProperty(), 50));
    Controls.row(grid, "playground.data.testShare", slider("playground-test-share", 0.1, 0.9, vm.testShareProperty()));
    Controls.row(grid, "playground.data.seed", intSpinner("playground-seed", 0, 1_000_000, vm.seedProperty()));

    Controls.title(grid, "playground.section.network");
    FlowPane featureBoxes = new FlowPane(8, 4);
    for (InputFeature f : InputFeature.values()) {
      CheckBox box = new CheckBox();
      box.setId("playground-feature-" + f.id().replace("^", ""));
      box.textProperty().bind(I18n.text("playground.feature." + f.id()));
      box.setSelected(vm.features().contains(f));
      box.selectedProperty().addListener((o, a, on) -> {
        if (on) {
          vm.features().add(f);
        } else {
          vm.features().remove(f);
        }
      });
      vm.features().addListener((javafx.collections.SetChangeListener<InputFeature>) c ->
          box.setSelected(vm.features().contains(f)));
      featureBoxes.getChildren().add(box);
    }
    Controls.row(grid, "playground.network.features", featureBoxes);
    TextField layers = new TextField();
    layers.setId("playground-layers");
    layers.setPrefColumnCount(8);
    layers.setText(vm.layersProperty().get());
    layers.setOnAction(e -> vm.layersProperty().set(layers.getText()));
    layers.focusedProperty().addListener((o, was, is) -> {
      if (!is) {
        vm.layersProperty().set(layers.getText());
      }
    });
    vm.layersProperty().addListener((o, a, v) -> {
      if (!v.equals(layers.getText())) {
        layers.setText(v);
      }
    });
    layers.setTooltip(new Tooltip());
    layers.getTooltip().textProperty().bind(I18n.text("playground.network.layersHint"));
    Button add = button("playground-add-layer", "playground.network.addLayer", vm::addLayer);
    Button remove = button("playground-remove-layer", "playground.network.removeLayer", vm::removeLayer);
    HBox layerRow = new HBox(4, layers, add, remove);
    HBox.setHgrow(layers, Priority.ALWAYS);
    Controls.row(grid, "playground.network.layers", layerRow);
    Controls.row(grid, "playground.network.activation", Controls.choice("playground-activation",
        List.of(Activation.values()), a -> "playground.activation." + a.id(), vm.activationProperty()));

    Controls.title(grid, "playground.section.training");
    Controls.row(grid, "playground.training.optimizer", Controls.choice("playground-optimizer",
        List.of(Optimizer.values()), o -> "training.optimizer." + o.id(), vm.optimizerProperty()));
    Controls.row(grid, "playground.training.learningRate",
        numberChoice("playground-lr", LEARNING_RATES, vm.learningRateProperty()));
    Controls.row(grid, "playground.training.batch", intSpinner("playground-batch", 1, 2000, vm.batchProperty()));
    Controls.row(grid, "playground.training.l2", numberChoice("playground-l2", L2_VALUES, vm.l2Property()));
    Controls.row(grid, "playground.training.dropout", numberChoice("playground-dropout", DROPOUTS, vm.dropoutProperty()));
    return grid;
  }

  private static javafx.scene.control.ComboBox<Double> numberChoice(String id, List<Double> values,
      javafx.beans.property.DoubleProperty target) {
    javafx.scene.control.ComboBox<Double> box = new javafx.scene.control.ComboBox<>();
    box.setId(id);
    List<Double> items = new ArrayList<>(values);
    if (!items.contains(target.get())) {
      items.add(target.get());
      items.sort(Double::compare);
    }
    box.getItems().setAll(items);
    box.setValue(target.get());
    box.valueProperty().addListener((o, a, v) -> {
      if (v != null && v != target.get()) {
        target.set(v);
      }
    });
    target.addListener((o, a, v) -> {
      double d = v.doubleValue();
      if (!box.getItems().contains(d)) {
        box.getItems().add(d);
        box.getItems().sort(Double::compare);
      }
      box.setValue(d);
    });
    box.setMaxWidth(Double.MAX_VALUE);
    return box;
  }

  private static Spinner<Integer> intSpinner(String id, int min, int max, javafx.beans.property.IntegerProperty target) {
    return intSpinner(id, min, max, target, 1);
  }

  private static Spinner<Integer> intSpinner(String id, int min, int max, javafx.beans.property.IntegerProperty target,
      int step) {
    Spinner<Integer> spinner = new Spinner<>(min, max, target.get(), step);
    spinner.setId(id);
    spinner.setEditable(true);
    spinner.setMaxWidth(Double.MAX_VALUE);
    spinner.valueProperty().addListener((o, a, v) -> {
      if (v != null && v != target.get()) {
        target.set(v);
      }
    });
    target.addListener((o, a, v) -> spinner.getValueFactory().setValue(v.intValue()));
    return spinner;
  }

  private static Slider slider(String id, double min, double max, javafx.beans.property.DoubleProperty target) {
    Slider slider = new Slider(min, max, target.get());
    slider.setId(id);
    slider.setShowTickLabels(true);
    slider.setMajorTickUnit((max - min) / 2);
    slider.valueChangingProperty().addListener((o, was, changing) -> {
      if (!changing) {
        target.set(Math.round(slider.getValue() * 100) / 100.0);
      }
    });
    slider.valueProperty().addListener((o, a, v) -> {
      if (!slider.isValueChanging()) {
        target.set(Math.round(v.doubleValue() * 100) / 100.0);
      }
    });
    target.addListener((o, a, v) -> {
      if (Math.abs(slider.getValue() - v.doubleValue()) > 0.005) {
        slider.setValue(v.doubleValue());
      }
    });
    return slider;
  }

  private static Button button(String id, String key, Runnable action) {
    Button b = new Button();
    b.setId(id);
    b.textProperty().bind(I18n.text(key));
    b.setOnAction(e -> action.run());
    return b;
  }

  static Label wrapping(String key) {
    Label label = new Label();
    label.textProperty().bind(I18n.text(key));
    label.setWrapText(true);
    label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    return label;
  }
}
