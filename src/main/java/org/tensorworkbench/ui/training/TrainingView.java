package org.tensorworkbench.ui.training;

import org.tensorworkbench.ui.common.UiText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.LessonTarget;
import org.tensorworkbench.engine.EngineRuntime;
import org.tensorworkbench.engine.data.DatasetInfo;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.spec.NetworkSpecJson;
import org.tensorworkbench.engine.inspect.ModelInspector;
import org.tensorworkbench.engine.train.RecordedRun;
import org.tensorworkbench.engine.train.TrainingHealth;
import org.tensorworkbench.ui.common.DesignHandoff;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.ui.insight.InsidePane;
import org.tensorworkbench.ui.common.LatestWhileHidden;
import org.tensorworkbench.ui.common.Showing;
import org.tensorworkbench.ui.insight.ModelAccess;
import org.tensorworkbench.ui.insight.ResultsPane;

/**
 * The Training screen: the run set-up on the left, the controls on top, and tabs with the live
 * curves and tiles, the diagnostics, the insight panes (inside the model while it trains, the
 * results after it) and the run history. The insight panes reach the network through
 * {@link TrainingViewModel#onNetworkThread}, i.e. on the session's training thread. An {@link AnimationTimer} takes the
 * training thread's events ({@link TrainingViewModel#onFrame}) at most 5 times a second while a
 * run is live, and every frame otherwise, and redraws only the charts on show, so the FX thread
 * and the renderer leave the cores to training (see {@link #frameTimer()}).
 *
 * <p>Keys: Ctrl+Enter starts (or resumes), F8 pauses and resumes (Space too, outside text
 * fields), F10 trains one minibatch, Shift+F5 stops.
 */
public final class TrainingView implements LessonTarget {
  static final KeyCombination START = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
  static final KeyCombination PAUSE = new KeyCodeCombination(KeyCode.F8);
  static final KeyCombination STEP = new KeyCodeCombination(KeyCode.F10);
  static final KeyCombination STOP = new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN);
  private static final long TILE_INTERVAL_NANOS = 500_000_000L;
  /**
   * While a run is live the screen takes its events, and redraws, at most 5 times a second: live
   * enough to watch, and the frames between cost nothing. Taken every frame, the status line,
   * progress bar and charts were laid out and painted 60 times a second, and with the JIT
   * compiling that drawing code the FX and render threads took about a quarter of a core from
   * LeNet's two training threads on a 2-core machine (Xvfb, software rendering).
   */
  private static final long LIVE_INTERVAL_NANOS = 200_000_000L;
  private static final System.Logger LOG = System.getLogger(TrainingView.class.getName());

  private final TrainingViewModel vm;
  private final UiExecutor executor;
  private final FilePicker files;
  private final Path modelsFolder;
  private final BorderPane root = new BorderPane();
  private final TabPane tabs = new TabPane();
  private final Tab curvesTab = new Tab();
  private final Tab diagnosticsTab = new Tab();
  private final Tab historyTab = new Tab();
  private final Tab insideTab = new Tab();
  private final Tab resultsTab = new Tab();
  private final InsidePane inside;
  /**
   * Snapshots for the Inside pane while its tab is selected; otherwise the latest, drawn when the
   * tab is. Drawing every snapshot anyway ran the feature maps' inference on the training thread
   * and rebuilt the pane's nodes every 2 s for nobody to see.
   */
  private final LatestWhileHidden<TrainingEvent.Snapshot> insideSnapshots;
  /**
   * The Inside pane's fresh look at the network (its feature maps, an inference on the training
   * thread) when another network is set up or a run ends: at once while its tab is shown, else
   * when it is. At the start of each run it otherwise took a SameDiff inference and the pictures'
   * making from the first epoch for a tab nobody looked at.
   */
  private final LatestWhileHidden<Runnable> insideRefresh;
  private final ResultsPane results;
  private final StatusTiles tiles = new StatusTiles();
  private final CurveChart lossChart = new CurveChart(I18n.text("training.chart.loss"), I18n.text("training.axis.iteration"));
  private final CurveChart epochLossChart = new CurveChart(I18n.text("training.chart.epochLoss"),
      I18n.text("training.axis.epoch"));
  private final CurveChart accuracyChart = new CurveChart(I18n.text("training.chart.accuracy"),
      I18n.text("training.axis.epoch"));
  private final CurveChart ratioChart = new CurveChart(I18n.text("training.chart.updateRatio"),
      I18n.text("training.axis.iteration"));
  private final CurveChart spreadChart = new CurveChart(I18n.text("training.chart.activationStd"),
      I18n.text("training.axis.iteration"));
  private final VBox hintsBox = new VBox(6);
  private final FrameTimer frameTimer = new FrameTimer();
  private final FrameTimer pulseTimer = new FrameTimer();
  private final ScreenThreadsCpu screenCpu = new ScreenThreadsCpu();
  private final Runnable afterLayout = this::afterLayout;
  private long frameStart;
  private final HistoryPane history;
  private final AnimationTimer timer;
  private int diagnosticLines = -1;
  private long lastTilesNanos;
  private long lastLiveNanos;

  public TrainingView(AppContext context) {
    this(context, FilePicker.system());
  }

  public TrainingView(AppContext context, FilePicker files) {
    this.executor = context.executor();
    this.files = files;
    this.modelsFolder = context.folders().models();
    DatasetRegistry registry = new DatasetRegistry(context.projectHome(), context.workspaceFolder());
    List<String> datasets = registry.available().stream().filter(DatasetInfo::available).map(DatasetInfo::name).toList();
    RunSetupViewModel setup = new RunSetupViewModel(datasets);
    RunHistoryViewModel runs = new RunHistoryViewModel(executor, context::runsFolder);
    this.vm = new TrainingViewModel(setup, runs, executor, registry, context::runsFolder);
    this.history = new HistoryPane(runs, historyActions());
    ModelAccess access = new ModelAccess() {
      @Override
      public <T> CompletableFuture<T> withInspector(Function<ModelInspector, T> work) {
        return vm.onNetworkThread((network, test) -> work.apply(new ModelInspector(network, test)));
      }
    };
    this.inside = new InsidePane(context, access);
    this.results = new ResultsPane(context, access);
    BooleanSupplier insideShown = () -> tabs.getSelectionModel().getSelectedItem() == insideTab;
    insideSnapshots = new LatestWhileHidden<>(insideShown, inside::onSnapshot);
    insideRefresh = new LatestWhileHidden<>(insideShown, Runnable::run);
    vm.setSnapshotListener(insideSnapshots::offer);
    vm.setResultsListener((evaluation, classNames) -> {
      results.showResults(evaluation, classNames);
      insideRefresh.offer(inside::refresh);
    });
    vm.setNetworkListener(classNames -> {
      insideSnapshots.clear();
      inside.reset();
      results.clear();
      inside.setClassNames(classNames);
      insideRefresh.offer(inside::refresh);
    });

    DesignHandoff handoff = DesignHandoff.of(context);
    if (handoff.latestProperty().get() != null) {
      setup.useBuilderDesign(handoff.latestProperty().get());
      handoff.latestConfig().ifPresent(this::useHandedConfig);
    }
    handoff.subscribe(spec -> {
      setup.useBuilderDesign(spec);
      handoff.latestConfig().ifPresent(this::useHandedConfig);
    });
    executor.submit(EngineRuntime::start, setup::setBackend, e -> setup.setBackend(null));

    root.setId("training-view");
    root.getStyleClass().add("training-view");
    root.getStylesheets().add(TrainingView.class.getResource("/org/tensorworkbench/css/training.css").toExternalForm());
    SetupForm form = new SetupForm(setup, this::openNetworkFile,
        () -> files.open(window(), FilePicker.Kind.AUGMENTATION, null).ifPresent(setup.augmentationProperty()::set));
    root.setLeft(form.node());
    root.setTop(toolbar(form.node()));
    root.setCenter(center());
    vm.curvesProperty().addListener((o, a, c) -> attachCurves(c));
    attachCurves(vm.curvesProperty().get());
    tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
      if (t == insideTab) {
        insideRefresh.showing();
        insideSnapshots.showing();
      }
      redrawVisible();
    });
    vm.hintsProperty().addListener((o, a, h) -> showHints(h));
    vm.phaseProperty().addListener((o, from, to) -> logFrameTimes(from, to));
    showHints(List.of());
    runs.refresh();

    timer = new AnimationTimer() {
      @Override
      public void handle(long now) {
        frame(now);
      }
    };
    root.sceneProperty().addListener((o, old, scene) -> {
      if (old != null) {
        removeKeys(old);
        old.removePostLayoutPulseListener(afterLayout);
      }
      if (scene != null) {
        installKeys(scene);
        scene.addPostLayoutPulseListener(afterLayout);
      }
    });
    Showing.whileShowing(root, timer::start, timer::stop);
  }

  public Parent root() {
    return root;
  }

  /** Fills the set-up form (see {@link RunSetupViewModel#applyPreset}). */
  @Override
  public void applyPreset(Map<String, String> preset) {
    vm.setup().applyPreset(preset);
  }

  @Override
  public Map<String, Object> facts() {
    return vm.lessonFacts();
  }

  /** A configuration handed over with a design (the Tuning Lab's best trial): its settings and example count. */
  private void useHandedConfig(TrainingConfig config) {
    vm.setup().applyConfig(config);
    if (config.limit() > 0) {
      vm.setup().limitProperty().set(Integer.toString(config.limit()));
    }
  }

  public TrainingViewModel model() {
    return vm;
  }

  /** FX-thread time per frame spent on this screen's drain and redraw, while a run is live. */
  public FrameTimer frameTimer() {
    return frameTimer;
  }

  /**
   * FX-thread time per pulse from the animation phase (where this screen drains and redraws) to
   * the end of the pulse's CSS and layout, while a run is live.
   */
  public FrameTimer pulseTimer() {
    return pulseTimer;
  }

  // ---- per frame ----

  private void frame(long now) {
    boolean live = vm.phaseProperty().get().isLive();
    if (live && now - lastLiveNanos < LIVE_INTERVAL_NANOS) {
      return;
    }
    lastLiveNanos = now;
    long start = System.nanoTime();
    frameStart = start;
    if (vm.onFrame(now)) {
      Map<String, DecimatedSeries> ratios = vm.curvesProperty().get().updateRatios();
      if (ratios.size() + vm.curvesProperty().get().activationSpreads().size() != diagnosticLines) {
        attachDiagnostics(vm.curvesProperty().get());
      }
      redrawVisible();
    }
    if (now - lastTilesNanos >= TILE_INTERVAL_NANOS && vm.phaseProperty().get() != Phase.IDLE) {
      lastTilesNanos = now;
      tiles.update(vm.statusProperty().get(), vm.epochProgressProperty().get(),
          vm.curvesProperty().get().bestTestAccuracy(), vm.memoryProperty().get());
    }
    if (vm.phaseProperty().get().isLive()) {
      frameTimer.record(System.nanoTime() - start);
    }
  }

  private void afterLayout() {
    if (frameStart != 0 && vm.phaseProperty().get().isLive()) {
      pulseTimer.record(System.nanoTime() - frameStart);
    }
    frameStart = 0;
  }

  /** Logs the frame budget of a run that just ended: what the screen cost the FX thread. */
  private void logFrameTimes(Phase from, Phase to) {
    if (from.isLive() && !to.isLive() && frameTimer.count() > 0) {
      LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT,
          "Training screen, %d frames while training: drain+redraw median %.2f ms, p99 %.2f ms; "
              + "pulse up to layout median %.2f ms, p99 %.2f ms; CPU during the run: FX thread %.0f ms, "
              + "render thread %.0f ms",
          frameTimer.count(), frameTimer.percentileMillis(50), frameTimer.percentileMillis(99),
          pulseTimer.percentileMillis(50), pulseTimer.percentileMillis(99), screenCpu.fxMillis(),
          screenCpu.renderMillis()));
    }
    if (to == Phase.PREPARING) {
      frameTimer.reset();
      pulseTimer.reset();
    } else if (!from.isLive() && to.isLive()) {
      screenCpu.start();
    }
  }

  private void redrawVisible() {
    Tab shown = tabs.getSelectionModel().getSelectedItem();
    if (shown == curvesTab) {
      lossChart.redrawIfChanged();
      epochLossChart.redrawIfChanged();
      accuracyChart.redrawIfChanged();
    } else if (shown == diagnosticsTab) {
      ratioChart.redrawIfChanged();
      spreadChart.redrawIfChanged();
    }
  }

  private void attachCurves(LiveCurves c) {
    lossChart.setLines(List.of(
        new CurveChart.Line(I18n.text("training.series.loss"), Color.web("#2563a8"), c.loss(), true),
        new CurveChart.Line(I18n.text("training.series.smoothed"), Color.web("#d9480f"), c.smoothLoss(), false)));
    epochLossChart.setLines(List.of(
        new CurveChart.Line(I18n.text("training.series.trainLoss"), Color.web("#2563a8"), c.trainLoss(), false),
        new CurveChart.Line(I18n.text("training.series.testLoss"), Color.web("#d9480f"), c.testLoss(), false)));
    accuracyChart.setLines(List.of(
        new CurveChart.Line(I18n.text("training.series.trainAccuracy"), Color.web("#2563a8"), c.trainAccuracy(), false),
        new CurveChart.Line(I18n.text("training.series.testAccuracy"), Color.web("#d9480f"), c.testAccuracy(), false)));
    attachDiagnostics(c);
  }

  private void attachDiagnostics(LiveCurves c) {
    ratioChart.setLines(lines(c.updateRatios()));
    spreadChart.setLines(lines(c.activationSpreads()));
    diagnosticLines = c.updateRatios().size() + c.activationSpreads().size();
  }

  private static List<CurveChart.Line> lines(Map<String, DecimatedSeries> series) {
    List<CurveChart.Line> lines = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, DecimatedSeries> e : series.entrySet()) {
      StringExpression label = new SimpleStringProperty(e.getKey());
      lines.add(new CurveChart.Line(label, HistoryPane.PALETTE.get(i++ % HistoryPane.PALETTE.size()), e.getValue(),
          false));
    }
    return lines;
  }

  private void showHints(List<TrainingHealth.Hint> hints) {
    hintsBox.getChildren().clear();
    if (hints.isEmpty()) {
      Label ok = new Label();
      ok.textProperty().bind(I18n.text(vm.curvesProperty().get().updateRatios().isEmpty()
          ? "training.diagnostics.waiting" : "training.diagnostics.healthy"));
      ok.setWrapText(true);
      ok.getStyleClass().add("hint-ok");
      hintsBox.getChildren().add(ok);
      return;
    }
    for (TrainingHealth.Hint hint : hints) {
      Label label = new Label();
      label.textProperty().bind(Bindings.createStringBinding(hint::message, I18n.localeProperty()));
      label.setWrapText(true);
      label.getStyleClass().add("hint-warning");
      hintsBox.getChildren().add(label);
    }
  }

  // ---- layout ----

  private Node toolbar(Node setupForm) {
    Button start = button("training.control.start", "training-start", START, vm::start);
    Button pause = button("training.control.pause", "training-pause", PAUSE, vm::togglePause);
    pause.textProperty().unbind();
    pause.textProperty().bind(Bindings.createStringBinding(() -> I18n.get(
        vm.phaseProperty().get() == Phase.PAUSED ? "training.control.resume" : "training.control.pause"),
        vm.phaseProperty(), I18n.localeProperty()));
    Button step = button("training.control.step", "training-step", STEP, vm::step);
    Button stop = button("training.control.stop", "training-stop", STOP, vm::stop);
    Button save = button("training.control.save", "training-save", null, this::saveModel);
    Button open = button("training.control.open", "training-open-model", null, this::openModel);
    start.getStyleClass().add("primary");
    start.disableProperty().bind(Bindings.createBooleanBinding(() -> {
      Phase p = vm.phaseProperty().get();
      return p == Phase.RUNNING || p == Phase.PREPARING || (p.canStart() && vm.setup().configProperty().get() == null);
    }, vm.phaseProperty(), vm.setup().configProperty()));
    pause.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.phaseProperty().get().isLive(),
        vm.phaseProperty()));
    stop.disableProperty().bind(pause.disableProperty());
    step.disableProperty().bind(Bindings.createBooleanBinding(() -> {
      Phase p = vm.phaseProperty().get();
      return p == Phase.PREPARING || p == Phase.RUNNING || (p.canStart() && vm.setup().configProperty().get() == null);
    }, vm.phaseProperty(), vm.setup().configProperty()));
    save.disableProperty().bind(Bindings.createBooleanBinding(() -> {
      Phase p = vm.phaseProperty().get();
      return p == Phase.IDLE || p == Phase.PREPARING;
    }, vm.phaseProperty()));

    ProgressBar progress = new ProgressBar();
    progress.setId("training-progress");
    progress.progressProperty().bind(vm.runProgressProperty());
    progress.setPrefWidth(150);
    progress.setMinWidth(80);
    Label state = new Label();
    state.setId("training-state");
    state.setMinWidth(0);
    state.textProperty().bind(Bindings.createStringBinding(() -> {
      TrainingViewModel.RunStatus s = vm.statusProperty().get();
      String phase = I18n.get("training.phase." + vm.phaseProperty().get().name().toLowerCase(java.util.Locale.ROOT));
      return s.epochs() == 0 ? phase : I18n.get("training.state", phase, s.epoch(), s.epochs(), s.iterations());
    }, vm.phaseProperty(), vm.statusProperty(), I18n.localeProperty()));
    javafx.scene.control.ToggleButton showSetup = new javafx.scene.control.ToggleButton();
    showSetup.setId("training-show-setup");
    showSetup.setSelected(true);
    showSetup.setMinWidth(Region.USE_PREF_SIZE);
    showSetup.textProperty().bind(I18n.text("training.control.setup"));
    showSetup.setTooltip(new Tooltip());
    showSetup.getTooltip().textProperty().bind(I18n.text("training.control.setupHelp"));
    setupForm.visibleProperty().bind(showSetup.selectedProperty());
    setupForm.managedProperty().bind(showSetup.selectedProperty());
    // the buttons wrap onto a second row when the window is narrow or zoomed (200 % in 1280 px)
    javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(8, 6, showSetup,
        new Separator(Orientation.VERTICAL), start, pause, step, stop, new Separator(Orientation.VERTICAL), save, open);
    buttons.setAlignment(Pos.CENTER_LEFT);
    buttons.setMinWidth(0);
    HBox.setHgrow(buttons, Priority.ALWAYS);
    HBox bar = new HBox(8, buttons, state, progress);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("training-toolbar");
    return bar;
  }

  private Button button(String key, String id, KeyCombination keys, Runnable action) {
    Button b = new Button();
    b.textProperty().bind(I18n.text(key));
    b.setId(id);
    b.setMinWidth(Region.USE_PREF_SIZE);
    b.setOnAction(e -> action.run());
    if (keys != null) {
      Tooltip tip = new Tooltip();
      tip.textProperty().bind(Bindings.createStringBinding(() -> I18n.get(key) + " (" + keys.getDisplayText() + ")",
          I18n.localeProperty()));
      b.setTooltip(tip);
    }
    return b;
  }

  private Node center() {
    Label failure = new Label();
    failure.setId("training-failure");
    failure.getStyleClass().add("training-failure");
    failure.setWrapText(true);
    failure.setMaxWidth(Double.MAX_VALUE);
    failure.textProperty().bind(Bindings.createStringBinding(
        () -> vm.failureProperty().get() == null ? "" : vm.failureProperty().get().get(),
        vm.failureProperty(), I18n.localeProperty()));
    failure.visibleProperty().bind(vm.failureProperty().isNotNull());
    failure.managedProperty().bind(failure.visibleProperty());
    Label notice = new Label();
    notice.setId("training-notice");
    notice.getStyleClass().add("training-notice");
    notice.setWrapText(true);
    notice.textProperty().bind(Bindings.createStringBinding(() -> {
      UiText t = vm.noticeProperty().get() != null ? vm.noticeProperty().get() : vm.history().noticeProperty().get();
      return t == null ? "" : t.get();
    }, vm.noticeProperty(), vm.history().noticeProperty(), I18n.localeProperty()));
    notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
    notice.managedProperty().bind(notice.visibleProperty());

    curvesTab.textProperty().bind(I18n.text("training.tab.curves"));
    curvesTab.setContent(curvesPane());
    curvesTab.setId("training-tab-curves");
    diagnosticsTab.textProperty().bind(I18n.text("training.tab.diagnostics"));
    diagnosticsTab.setContent(diagnosticsPane());
    diagnosticsTab.setId("training-tab-diagnostics");
    historyTab.textProperty().bind(I18n.text("training.tab.history"));
    historyTab.setContent(history.node());
    historyTab.setId("training-tab-history");
    insideTab.textProperty().bind(I18n.text("training.tab.inside"));
    insideTab.setContent(inside.root());
    insideTab.setId("training-tab-inside");
    resultsTab.textProperty().bind(I18n.text("training.tab.results"));
    resultsTab.setContent(results.root());
    resultsTab.setId("training-tab-results");
    tabs.getTabs().addAll(curvesTab, diagnosticsTab, insideTab, resultsTab, historyTab);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    // a run that has not started to learn says so above the curves, not only under Diagnostics
    Label stuck = new Label();
    stuck.setId("training-loss-stuck");
    stuck.getStyleClass().add("hint-warning");
    stuck.setWrapText(true);
    stuck.textProperty().bind(Bindings.createStringBinding(() -> vm.hintsProperty().get().stream()
        .filter(h -> h.key().equals(TrainingHealth.LOSS_STUCK)).map(TrainingHealth.Hint::message).findFirst()
        .orElse(""), vm.hintsProperty(), I18n.localeProperty()));
    stuck.visibleProperty().bind(stuck.textProperty().isNotEmpty());
    stuck.managedProperty().bind(stuck.visibleProperty());
    VBox box = new VBox(6, failure, notice, stuck, tabs);
    VBox.setVgrow(tabs, Priority.ALWAYS);
    box.getStyleClass().add("training-center");
    return box;
  }

  private Node curvesPane() {
    GridPane grid = new GridPane();
    grid.getStyleClass().add("chart-grid");
    grid.add(chartBox(lossChart, "loss", true), 0, 0, 2, 1);
    grid.add(chartBox(epochLossChart, "epoch-loss", true), 0, 1);
    grid.add(chartBox(accuracyChart, "accuracy", false), 1, 1);
    javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
    half.setPercentWidth(50);
    grid.getColumnConstraints().addAll(half, half);
    javafx.scene.layout.RowConstraints rows = new javafx.scene.layout.RowConstraints();
    rows.setVgrow(Priority.ALWAYS);
    rows.setPercentHeight(50);
    grid.getRowConstraints().addAll(rows, rows);
    accuracyChart.setUnitRange(true);
    epochLossChart.setIntegerX(true);
    accuracyChart.setIntegerX(true);
    VBox box = new VBox(8, tiles.node(), grid);
    VBox.setVgrow(grid, Priority.ALWAYS);
    box.getStyleClass().add("curves-pane");
    return box;
  }

  private Node diagnosticsPane() {
    ratioChart.logScaleProperty().set(true);
    ratioChart.setReferenceY(TrainingHealth.TARGET_RATIO);
    spreadChart.logScaleProperty().set(true);
    Label explain = new Label();
    explain.textProperty().bind(I18n.text("training.diagnostics.explain"));
    explain.setWrapText(true);
    explain.getStyleClass().add("diagnostics-note");
    explain.setMaxWidth(Double.MAX_VALUE);
    explain.setMinHeight(Region.USE_PREF_SIZE);
    hintsBox.setId("training-hints");
    HBox charts = new HBox(8, chartBox(ratioChart, "ratio", true), chartBox(spreadChart, "spread", true));
    charts.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
    VBox box = new VBox(8, hintsBox, charts, explain);
    VBox.setVgrow(charts, Priority.ALWAYS);
    box.getStyleClass().add("diagnostics-pane");
    return box;
  }

  /** A chart with its log-scale switch, zoom reset and PNG export above it. */
  private Node chartBox(CurveChart chart, String id, boolean withLog) {
    chart.setId("chart-" + id);
    HBox tools = new HBox(8);
    tools.setAlignment(Pos.CENTER_RIGHT);
    tools.getStyleClass().add("chart-tools");
    if (withLog) {
      CheckBox log = new CheckBox();
      log.textProperty().bind(I18n.text("training.chart.log"));
      log.selectedProperty().bindBidirectional(chart.logScaleProperty());
      log.setId("chart-" + id + "-log");
      tools.getChildren().add(log);
    }
    Button reset = new Button();
    reset.textProperty().bind(I18n.text("training.chart.resetZoom"));
    reset.setOnAction(e -> chart.resetZoom());
    reset.getStyleClass().add("small");
    Button png = new Button();
    png.textProperty().bind(I18n.text("training.chart.png"));
    png.setOnAction(e -> exportChart(chart, id));
    png.getStyleClass().add("small");
    tools.getChildren().addAll(reset, png);
    VBox box = new VBox(2, tools, chart);
    VBox.setVgrow(chart, Priority.ALWAYS);
    box.getStyleClass().add("chart-box");
    return box;
  }

  // ---- keys ----

  private final javafx.event.EventHandler<KeyEvent> spaceToggles = this::spaceKey;

  private void spaceKey(KeyEvent e) {
    if (e.getCode() == KeyCode.SPACE && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)
        && !(e.getTarget() instanceof javafx.scene.control.ButtonBase) && vm.phaseProperty().get().isLive()) {
      vm.togglePause();
      e.consume();
    }
  }

  private void installKeys(Scene scene) {
    scene.getAccelerators().put(START, vm::start);
    scene.getAccelerators().put(PAUSE, vm::togglePause);
    scene.getAccelerators().put(STEP, vm::step);
    scene.getAccelerators().put(STOP, vm::stop);
    root.addEventHandler(KeyEvent.KEY_PRESSED, spaceToggles);
  }

  private void removeKeys(Scene scene) {
    for (KeyCombination k : List.of(START, PAUSE, STEP, STOP)) {
      scene.getAccelerators().remove(k);
    }
    root.removeEventHandler(KeyEvent.KEY_PRESSED, spaceToggles);
  }

  // ---- files ----

  private javafx.stage.Window window() {
    return root.getScene() == null ? null : root.getScene().getWindow();
  }

  private void saveModel() {
    String name = vm.setup().networkProperty().get() == null ? "model" : vm.setup().networkProperty().get().name();
    files.save(window(), FilePicker.Kind.MODEL, modelsFolder, name.replaceAll("[^A-Za-z0-9._-]+", "-") + ".twmodel")
        .ifPresent(vm::saveModel);
  }

  private void openModel() {
    files.open(window(), FilePicker.Kind.MODEL, modelsFolder).ifPresent(vm::openModel);
  }

  private void openNetworkFile() {
    files.open(window(), FilePicker.Kind.NETWORK, null).ifPresent(file -> executor.submit(
        () -> NetworkSpecJson.readDraft(file), spec -> vm.setup().useNetworkFile(file, spec),
        error -> showNotice(UiText.of(error))));
  }

  private void exportChart(Node chart, String name) {
    files.save(window(), FilePicker.Kind.PNG, null, name + ".png").ifPresent(file -> {
      WritableImage image = ChartImages.snapshot(chart);
      executor.submit(() -> ChartImages.write(image, file),
          done -> showNotice(UiText.of("training.notice.exported", done.getFileName().toString())),
          error -> showNotice(UiText.of(error)));
    });
  }

  private void showNotice(UiText text) {
    vm.history().noticeFrom(text);
  }

  private HistoryPane.Actions historyActions() {
    return new HistoryPane.Actions() {
      @Override
      public void exportMetrics(RecordedRun run) {
        files.save(window(), FilePicker.Kind.CSV, null, run.folder().getFileName() + ".csv")
            .ifPresent(file -> vm.history().exportMetrics(run, file));
      }

      @Override
      public void exportChart(Node chart, String name) {
        TrainingView.this.exportChart(chart, name);
      }

      @Override
      public void openModel(Path model) {
        vm.openModel(model);
      }
    };
  }
}
