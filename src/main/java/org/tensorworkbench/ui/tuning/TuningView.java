package org.tensorworkbench.ui.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.spec.Templates;
import org.tensorworkbench.engine.tune.Configuration;
import org.tensorworkbench.engine.tune.EpochPoint;
import org.tensorworkbench.engine.tune.Hyperparameter;
import org.tensorworkbench.engine.tune.Method;
import org.tensorworkbench.engine.tune.RungTable;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.DesignHandoff;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.Showing;
import org.tensorworkbench.ui.common.LessonTarget;
import org.tensorworkbench.ui.common.UiText;
import org.tensorworkbench.ui.data.ScatterPlot;
import org.tensorworkbench.ui.training.CurveChart;
import org.tensorworkbench.ui.training.DecimatedSeries;

/**
 * The Tuning Lab: a search-space editor and method choice on the left; the trial table, the
 * best-so-far curves of every study run, the learning curves of all trials (stopped ones faint),
 * the objective against each hyperparameter, the rung table and, for a one-dimensional Bayesian
 * search, the GP's mean, band and expected improvement.
 */
public final class TuningView implements LessonTarget {
  private final TuningViewModel vm;
  private final DesignHandoff handoff;
  private final BorderPane root = new BorderPane();
  private final TableView<TrialRow> table = new TableView<>();
  private final CurveChart bestChart = new CurveChart(I18n.text("tuning.chart.best"), I18n.text("tuning.chart.epochsUsed"));
  private final CurveChart curvesChart = new CurveChart(I18n.text("tuning.chart.curves"), I18n.text("tuning.chart.epoch"));
  private final CurveChart gpChart = new CurveChart(I18n.text("tuning.chart.gp"), I18n.text("tuning.chart.gpX"));
  private final CurveChart eiChart = new CurveChart(I18n.text("tuning.chart.ei"), I18n.text("tuning.chart.gpX"));
  private final ScatterPlot scatter = new ScatterPlot();
  private final ComboBox<Hyperparameter> scatterParameter = new ComboBox<>();
  private final TableView<RungTable.Row> rungTable = new TableView<>();
  private final AnimationTimer timer;

  public TuningView(AppContext context) {
    this(new TuningViewModel(context.executor(), context.projectHome(), context.workspaceFolder().resolve("studies")),
        DesignHandoff.of(context));
  }

  public TuningView(TuningViewModel vm, DesignHandoff handoff) {
    this.vm = vm;
    this.handoff = handoff;
    root.setId("tuning-view");
    Node form = form();
    SplitPane sides = new SplitPane(form, center());
    SplitPane.setResizableWithParent(form, false);
    sides.setDividerPositions(0.44);
    root.setCenter(sides);
    Label status = new Label();
    status.setId("tuning-status");
    status.textProperty().bind(Bindings.createStringBinding(() -> vm.statusProperty().get().get(),
        vm.statusProperty(), I18n.localeProperty()));
    status.setPadding(new Insets(4, 8, 4, 8));
    root.setBottom(status);
    vm.revisionProperty().addListener(o -> redraw());
    I18n.onChange(root, () -> redraw());
    timer = new AnimationTimer() {
      @Override
      public void handle(long now) {
        vm.drain();
      }
    };
    Showing.whileShowing(root, timer::start, timer::stop);
    redraw();
  }

  public Node root() {
    return root;
  }

  public TuningViewModel model() {
    return vm;
  }

  // ---- the form

  private Node form() {
    VBox box = new VBox(8);
    box.setPadding(new Insets(10));
    box.setId("tuning-form");

    ComboBox<String> studies = new ComboBox<>(vm.studies());
    studies.setId("tuning-studies");
    studies.promptTextProperty().bind(I18n.text("tuning.form.studies"));
    Button open = button("tuning.action.open", () -> {
      if (studies.getValue() != null) {
        vm.openStudy(studies.getValue());
      }
    });
    open.disableProperty().bind(vm.runningProperty().or(studies.valueProperty().isNull()));
    TextField name = field(vm.studyNameProperty(), "tuning-name");

    ComboBox<String> network = new ComboBox<>();
    network.getItems().setAll(Templates.names());
    network.setEditable(true);
    network.valueProperty().bindBidirectional(vm.networkProperty());
    network.setId("tuning-network");
    ComboBox<String> dataset = new ComboBox<>();
    dataset.getItems().setAll(DatasetRegistry.FASHION_MNIST, DatasetRegistry.MNIST, DatasetRegistry.SPIRAL,
        DatasetRegistry.CIRCLES, DatasetRegistry.BLOBS);
    dataset.setEditable(true);
    dataset.valueProperty().bindBidirectional(vm.datasetProperty());

    GridPane data = new GridPane();
    data.setHgap(6);
    data.setVgap(4);
    data.addRow(0, label("tuning.form.study"), name);
    data.addRow(1, label("tuning.form.network"), network);
    data.addRow(2, label("tuning.form.dataset"), dataset);
    data.addRow(3, label("tuning.form.train"), field(vm.trainExamplesProperty(), "tuning-train"));
    data.addRow(4, label("tuning.form.validation"), field(vm.validationExamplesProperty(), "tuning-validation"));
    data.addRow(5, label("tuning.form.layer"), field(vm.layerProperty(), "tuning-layer"));

    GridPane space = new GridPane();
    space.setHgap(6);
    space.setVgap(4);
    space.setId("tuning-space");
    space.addRow(0, label("tuning.form.parameter"), label("tuning.form.search"), label("tuning.form.range"),
        label("tuning.form.log"), label("tuning.form.fixed"));
    int row = 1;
    for (ParameterRow p : vm.parameters()) {
      Label title = label("tuning.parameter." + p.parameter().id());
      Tooltip tip = new Tooltip();
      tip.textProperty().bind(I18n.text("tuning.parameter." + p.parameter().id() + ".tip"));
      title.setTooltip(tip);
      CheckBox searched = new CheckBox();
      searched.selectedProperty().bindBidirectional(p.searchedProperty());
      searched.setId("tuning-search-" + p.parameter().id());
      TextField values = field(p.valuesProperty(), "tuning-range-" + p.parameter().id());
      values.setPrefColumnCount(8);
      values.disableProperty().bind(searched.selectedProperty().not());
      CheckBox log = new CheckBox();
      log.selectedProperty().bindBidirectional(p.logProperty());
      log.setDisable(p.parameter().categorical() || p.parameter() == Hyperparameter.BATCH_SIZE);
      log.visibleProperty().bind(searched.selectedProperty());
      TextField fixed = field(p.fixedProperty(), "tuning-fixed-" + p.parameter().id());
      fixed.setPrefColumnCount(6);
      fixed.disableProperty().bind(searched.selectedProperty());
      fixed.promptTextProperty().bind(I18n.text("tuning.form.asDesigned"));
      space.addRow(row++, title, searched, values, log, fixed);
    }

    ComboBox<Method> method = new ComboBox<>();
    method.getItems().setAll(Method.values());
    method.valueProperty().bindBidirectional(vm.methodProperty());
    method.setId("tuning-method");
    method.setConverter(new StringConverter<>() {
      @Override
      public String toString(Method m) {
        return m == null ? "" : I18n.get("tuning.method." + m.id());
      }

      @Override
      public Method fromString(String s) {
        return null;
      }
    });
    method.setButtonCell(new ListCell<>() {
      @Override
      protected void updateItem(Method m, boolean empty) {
        super.updateItem(m, empty);
        setText(empty || m == null ? "" : I18n.get("tuning.method." + m.id()));
      }
    });
    I18n.onChange(method, () -> {
      Method m = method.getValue();
      method.getItems().setAll(Method.values());
      method.setValue(m);
    });
    Label explanation = new Label();
    explanation.setId("tuning-explanation");
    explanation.textProperty().bind(vm.methodExplanation());
    explanation.setWrapText(true);
    explanation.setMaxWidth(380);
    explanation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

    GridPane run = new GridPane();
    run.setHgap(6);
    run.setVgap(4);
    run.addRow(0, label("tuning.form.method"), method);
    run.addRow(1, label("tuning.form.budget"), field(vm.budgetProperty(), "tuning-budget"));
    run.addRow(2, label("tuning.form.eta"), field(vm.etaProperty(), "tuning-eta"));
    run.addRow(3, label("tuning.form.seed"), field(vm.seedProperty(), "tuning-seed"));

    Button start = button("tuning.action.start", vm::start);
    start.setId("tuning-start");
    start.disableProperty().bind(vm.runningProperty());
    start.setDefaultButton(false);
    Button stop = button("tuning.action.stop", vm::stop);
    stop.setId("tuning-stop");
    stop.disableProperty().bind(vm.runningProperty().not());
    Label problem = new Label();
    problem.setId("tuning-problem");
    problem.setWrapText(true);
    problem.setMaxWidth(380);
    problem.setTextFill(Color.web("#b3261e"));
    problem.textProperty().bind(Bindings.createStringBinding(
        () -> vm.problemProperty().get() == null ? "" : vm.problemProperty().get().get(),
        vm.problemProperty(), I18n.localeProperty()));

    box.getChildren().addAll(new HBox(6, studies, open), data, heading("tuning.form.space"), space,
        heading("tuning.form.searchHeading"), run, explanation, new HBox(6, start, stop), problem);
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    scroll.setPrefViewportWidth(470);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
    return scroll;
  }

  // ---- results

  private Node center() {
    scatter.node().setId("tuning-scatter");
    scatterParameter.getItems().setAll(Hyperparameter.values());
    scatterParameter.setValue(Hyperparameter.LEARNING_RATE);
    scatterParameter.setConverter(new StringConverter<>() {
      @Override
      public String toString(Hyperparameter h) {
        return h == null ? "" : I18n.get("tuning.parameter." + h.id());
      }

      @Override
      public Hyperparameter fromString(String s) {
        return null;
      }
    });
    scatterParameter.valueProperty().addListener(o -> redraw());
    bestChart.setUnitRange(true);
    curvesChart.setUnitRange(true);
    curvesChart.setIntegerX(true);
    buildRungTable();

    TabPane charts = new TabPane(
        tab("tuning.tab.best", bestChart),
        tab("tuning.tab.curves", curvesChart),
        tab("tuning.tab.scatter", new VBox(6, scatterParameter, scatter.node())),
        tab("tuning.tab.rungs", rungTable),
        tab("tuning.tab.gp", new VBox(4, gpChart, eiChart)));
    charts.setId("tuning-charts");
    charts.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    VBox.setVgrow(gpChart, Priority.ALWAYS);
    VBox.setVgrow(eiChart, Priority.ALWAYS);

    buildTrialTable();
    Button train = button("tuning.action.train", () -> vm.bestConfiguration(handoff::publish));
    train.setId("tuning-train-best");
    train.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.best().isEmpty(), vm.trials()));
    Button reproduce = button("tuning.action.reproduce", () -> {
      TrialRow r = table.getSelectionModel().getSelectedItem();
      if (r != null) {
        vm.reproduce(r);
      }
    });
    reproduce.setId("tuning-reproduce");
    reproduce.disableProperty().bind(vm.runningProperty().or(table.getSelectionModel().selectedItemProperty().isNull()));
    VBox lower = new VBox(4, new HBox(6, train, reproduce), table);
    lower.setPadding(new Insets(4));
    VBox.setVgrow(table, Priority.ALWAYS);
    SplitPane split = new SplitPane(charts, lower);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.55);
    return split;
  }

  private void buildTrialTable() {
    table.setId("tuning-trials");
    table.setItems(vm.trials());
    table.getColumns().add(column("tuning.column.trial", r -> (double) r.index()));
    table.getColumns().add(column("tuning.column.rung", r -> (double) r.request().rung()));
    table.getColumns().add(column("tuning.column.epochs", r -> (double) r.request().epochs()));
    table.getColumns().add(column("tuning.column.accuracy", TrialRow::validationAccuracy));
    table.getColumns().add(column("tuning.column.loss", TrialRow::validationLoss));
    table.getColumns().add(column("tuning.column.seconds", TrialRow::seconds));
    TableColumn<TrialRow, String> state = new TableColumn<>();
    state.textProperty().bind(I18n.text("tuning.column.state"));
    state.setCellValueFactory(d -> Bindings.createStringBinding(
        () -> I18n.get("tuning.state." + d.getValue().state().name().toLowerCase(java.util.Locale.ROOT)), I18n.localeProperty()));
    table.getColumns().add(state);
    for (Hyperparameter h : Hyperparameter.values()) {
      TableColumn<TrialRow, String> c = new TableColumn<>();
      c.textProperty().bind(I18n.text("tuning.parameter." + h.id()));
      c.setCellValueFactory(d -> new ReadOnlyStringWrapper(
          d.getValue().request().config().values().containsKey(h)
              ? Configuration.format(d.getValue().request().config().get(h)) : ""));
      c.setComparator(TuningView::compareValues);
      table.getColumns().add(c);
    }
    table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    Label empty = new Label();
    empty.textProperty().bind(I18n.text("tuning.table.empty"));
    table.setPlaceholder(empty);
  }

  private static int compareValues(String a, String b) {
    try {
      return Double.compare(a.isEmpty() ? Double.NEGATIVE_INFINITY : Double.parseDouble(a),
          b.isEmpty() ? Double.NEGATIVE_INFINITY : Double.parseDouble(b));
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }

  private static TableColumn<TrialRow, Double> column(String key, java.util.function.Function<TrialRow, Double> value) {
    TableColumn<TrialRow, Double> c = new TableColumn<>();
    c.textProperty().bind(I18n.text(key));
    c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
    c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
      @Override
      protected void updateItem(Double v, boolean empty) {
        super.updateItem(v, empty);
        setText(empty || v == null || v.isNaN() ? "" : v == Math.rint(v) ? Long.toString(v.longValue())
            : String.format(java.util.Locale.ROOT, "%.4f", v));
      }
    });
    return c;
  }

  private void buildRungTable() {
    rungTable.setId("tuning-rungs");
    rungTable.setItems(vm.rungs());
    rungTable.getColumns().add(rungColumn("tuning.rung.bracket", r -> Integer.toString(r.bracket())));
    rungTable.getColumns().add(rungColumn("tuning.rung.rung", r -> Integer.toString(r.rung())));
    rungTable.getColumns().add(rungColumn("tuning.rung.epochs", r -> Integer.toString(r.epochs())));
    rungTable.getColumns().add(rungColumn("tuning.rung.trials", r -> ids(r.trials())));
    rungTable.getColumns().add(rungColumn("tuning.rung.promoted", r -> ids(r.promoted())));
    rungTable.getColumns().add(rungColumn("tuning.rung.stopped", r -> ids(r.stopped())));
    Label empty = new Label();
    empty.textProperty().bind(I18n.text("tuning.rung.none"));
    rungTable.setPlaceholder(empty);
    rungTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
  }

  private static String ids(List<Integer> ids) {
    return String.join(", ", ids.stream().map(String::valueOf).toList());
  }

  private static TableColumn<RungTable.Row, String> rungColumn(String key, java.util.function.Function<RungTable.Row, String> value) {
    TableColumn<RungTable.Row, String> c = new TableColumn<>();
    c.textProperty().bind(I18n.text(key));
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    return c;
  }

  // ---- charts

  private void redraw() {
    List<CurveChart.Line> best = new ArrayList<>();
    int i = 0;
    for (TuningViewModel.BestCurve c : vm.bestCurves()) {
      DecimatedSeries s = new DecimatedSeries(1000);
      c.points().forEach(p -> s.add(p[0], p[1]));
      best.add(new CurveChart.Line(new ReadOnlyStringWrapper(c.label()), ScatterPlot.PALETTE[i++ % ScatterPlot.PALETTE.length], s, false));
    }
    bestChart.setLines(best);

    List<CurveChart.Line> curves = new ArrayList<>();
    for (TrialRow r : vm.trials()) {
      DecimatedSeries s = new DecimatedSeries(1000);
      for (EpochPoint p : r.curve()) {
        if (!Double.isNaN(p.validationAccuracy())) {
          s.add(p.epoch() + 1, p.validationAccuracy());
        }
      }
      boolean faint = r.state() == TrialRow.State.STOPPED || r.state() == TrialRow.State.FAILED;
      Color colour = faint ? Color.gray(0.6) : ScatterPlot.PALETTE[r.index() % ScatterPlot.PALETTE.length];
      curves.add(new CurveChart.Line(new ReadOnlyStringWrapper("#" + r.index()), colour, s, faint));
    }
    curvesChart.setLines(curves);
    drawScatter();
    drawGp();
  }

  private void drawScatter() {
    Hyperparameter h = scatterParameter.getValue();
    List<TrialRow> rows = vm.trials().stream().filter(r -> r.record() != null && !r.record().failed()
        && r.request().config().values().containsKey(h)).toList();
    boolean log = vm.parameter(h).searchedProperty().get() && vm.parameter(h).logProperty().get();
    List<String> names = new ArrayList<>();
    float[] xs = new float[rows.size()];
    float[] ys = new float[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Object v = rows.get(i).request().config().get(h);
      double x;
      if (v instanceof Double d) {
        x = log ? Math.log10(d) : d;
      } else {
        if (!names.contains(v.toString())) {
          names.add(v.toString());
        }
        x = names.indexOf(v.toString());
      }
      xs[i] = (float) x;
      ys[i] = (float) rows.get(i).record().score();
    }
    String name = I18n.get("tuning.parameter." + h.id());
    String xName = log ? I18n.get("tuning.chart.log10", name) : names.isEmpty() ? name : name + " (" + String.join(", ", names) + ")";
    scatter.show(xs, ys, new int[0], xName, I18n.get("tuning.chart.objective"));
  }

  private void drawGp() {
    TuningViewModel.GpCurve c = vm.gpProperty().get();
    if (c == null) {
      gpChart.setLines(List.of());
      eiChart.setLines(List.of());
      return;
    }
    boolean log = vm.parameter(c.parameter()).logProperty().get();
    DecimatedSeries mean = new DecimatedSeries(500);
    DecimatedSeries upper = new DecimatedSeries(500);
    DecimatedSeries lower = new DecimatedSeries(500);
    DecimatedSeries ei = new DecimatedSeries(500);
    for (int i = 0; i < c.values().length; i++) {
      double x = log ? Math.log10(c.values()[i]) : c.values()[i];
      mean.add(x, c.mean()[i]);
      upper.add(x, c.mean()[i] + 2 * c.std()[i]);
      lower.add(x, c.mean()[i] - 2 * c.std()[i]);
      ei.add(x, c.ei()[i]);
    }
    DecimatedSeries observed = new DecimatedSeries(500);
    Integer[] order = new Integer[c.observedValues().length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(c.observedValues()[a], c.observedValues()[b]));
    for (int i : order) {
      observed.add(log ? Math.log10(c.observedValues()[i]) : c.observedValues()[i], c.observedScores()[i]);
    }
    gpChart.setLines(List.of(
        new CurveChart.Line(I18n.text("tuning.chart.gpMean"), ScatterPlot.PALETTE[0], mean, false),
        new CurveChart.Line(I18n.text("tuning.chart.gpBand"), ScatterPlot.PALETTE[0], upper, true),
        new CurveChart.Line(I18n.text("tuning.chart.gpBand"), ScatterPlot.PALETTE[0], lower, true),
        new CurveChart.Line(I18n.text("tuning.chart.observed"), ScatterPlot.PALETTE[2], observed, false)));
    eiChart.setLines(List.of(new CurveChart.Line(I18n.text("tuning.chart.ei"), ScatterPlot.PALETTE[4], ei, false)));
  }

  // ---- helpers

  private static Tab tab(String key, Node content) {
    Tab t = new Tab();
    t.textProperty().bind(I18n.text(key));
    t.setContent(content);
    return t;
  }

  private static Label label(String key) {
    Label l = new Label();
    l.textProperty().bind(I18n.text(key));
    l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    return l;
  }

  private static Label heading(String key) {
    Label l = label(key);
    l.setStyle("-fx-font-weight: bold;");
    return l;
  }

  private static TextField field(javafx.beans.property.StringProperty p, String id) {
    TextField f = new TextField();
    f.textProperty().bindBidirectional(p);
    f.setId(id);
    f.setPrefColumnCount(8);
    return f;
  }

  private static Button button(String key, Runnable action) {
    Button b = new Button();
    b.textProperty().bind(I18n.text(key));
    b.setOnAction(e -> action.run());
    return b;
  }

  // ---- lessons

  @Override
  public void applyPreset(Map<String, String> preset) {
    preset.forEach((key, value) -> {
      if (!key.equals("method")) {
        throw new IllegalArgumentException("tuning: unknown preset key " + key + " (known: method)");
      }
      try {
        vm.methodProperty().set(Method.fromId(value));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("method: " + UiText.of(e).get());
      }
    });
  }

  @Override
  public Map<String, Object> facts() {
    return vm.facts();
  }
}
