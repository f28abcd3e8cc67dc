package org.tensorworkbench.ui.builder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.LessonTarget;
import org.tensorworkbench.ui.common.Showing;
import org.tensorworkbench.engine.spec.InferredNetwork;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.builder.model.Autosave;
import org.tensorworkbench.ui.builder.model.SummaryTable;
import org.tensorworkbench.ui.common.DesignHandoff;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.UiText;
import org.tensorworkbench.ui.predict.PredictDialogs;
import org.tensorworkbench.ui.predict.PredictWindow;

/**
 * The Network Builder screen: palette on the left, the canvas with the shape walk-through
 * table below it, the inspector on the right, totals and messages at the bottom.
 */
public final class BuilderView implements LessonTarget {
  /** How often unsaved work is written to the workspace. */
  static final Duration AUTOSAVE_EVERY = Duration.seconds(30);

  private final BuilderViewModel vm;
  private final FileDialogs dialogs;
  private final Path designsFolder;
  private final StackPane root = new StackPane();
  private final GraphCanvas canvas;
  private final Label notice = new Label();
  private final HBox recoveryBar = new HBox(8);
  private final Timeline autosaveTimer;
  private final javafx.event.EventHandler<WindowEvent> onCloseRequest = this::askBeforeClosing;
  private final javafx.event.EventHandler<WindowEvent> onHiding = e -> saveOnExit();
  private final javafx.beans.value.ChangeListener<Window> windowOfLastScene = (obs, was, window) -> watchClosing(window);
  /** The scene the builder was last shown in, and the window closing which it watches (that scene's). */
  private Scene lastScene;
  private Window watchedWindow;
  /** The user chose "Don't save" on closing: keep no autosaved copy either. */
  private boolean leaveWithoutAutosave;

  public BuilderView(AppContext context) {
    this(new BuilderViewModel(context.executor(), DesignHandoff.of(context), context.folders().designs(),
        new SystemDesignClipboard()), FileDialogs.system(), context.folders().designs());
    // a design handed over by a lab ("Open in Network Builder" in the Playground) opens here
    DesignHandoff.toBuilder(context).subscribe(vm::openNetwork);
  }

  BuilderView(BuilderViewModel vm, FileDialogs dialogs, Path designsFolder) {
    this(vm, dialogs, designsFolder, AUTOSAVE_EVERY);
  }

  /** @param autosaveEvery how often unsaved work is written (shorter in the crash test) */
  BuilderView(BuilderViewModel vm, FileDialogs dialogs, Path designsFolder, Duration autosaveEvery) {
    this.vm = vm;
    this.dialogs = dialogs;
    this.designsFolder = designsFolder;
    this.canvas = new GraphCanvas(vm);
    Pane dragLayer = new Pane();
    dragLayer.setMouseTransparent(true);
    dragLayer.setPickOnBounds(false);
    PaletteView palette = new PaletteView(canvas, dragLayer);
    SummaryView summary = new SummaryView(vm);
    summary.setContextMenu(new javafx.scene.control.ContextMenu(
        menuItem("builder.action.copyText", "copy-text", () -> copy(SummaryTable.text(vm.summaryRows()))),
        menuItem("builder.action.copyCsv", "copy-csv", () -> copy(SummaryTable.csv(vm.summaryRows())))));
    SplitPane centre = new SplitPane(canvas, summary);
    centre.setOrientation(Orientation.VERTICAL);
    centre.setDividerPositions(0.72);
    SplitPane main = new SplitPane(palette, centre, new InspectorView(vm));
    main.setDividerPositions(0.16, 0.79);
    SplitPane.setResizableWithParent(palette, false);
    BorderPane layout = new BorderPane(main);
    layout.setTop(new VBox(toolBar(), recoveryBar));
    layout.setBottom(statusBar());
    root.getChildren().addAll(layout, dragLayer);
    root.setId("builder-view");
    root.getStyleClass().add("builder-view");
    root.getStylesheets().add(BuilderView.class.getResource("/org/tensorworkbench/css/builder.css").toExternalForm());
    root.addEventHandler(KeyEvent.KEY_PRESSED, this::shortcut);
    recoveryBar.setManaged(false);
    recoveryBar.setVisible(false);
    autosaveTimer = new Timeline(new KeyFrame(autosaveEvery, e -> vm.autosaveInBackground()));
    autosaveTimer.setCycleCount(Timeline.INDEFINITE);
    Showing.whileShowing(root, autosaveTimer::play, autosaveTimer::stop);
    root.sceneProperty().addListener((obs, old, scene) -> {
      if (old != null && scene == null) {
        vm.autosaveInBackground(); // another workspace is shown: what was drawn until now is kept at once
      }
      if (scene != null) {
        follow(scene);
      }
    });
    vm.recoverable().ifPresent(this::offerRecovery);
    vm.pendingRecoveryProperty().addListener((obs, old, now) -> {
      if (now == null) {
        hideRecovery();
      }
    });
    Platform.runLater(canvas::showNewGraph);
  }

  public Parent root() {
    return root;
  }

  /** {@code template}: opens the template, after asking about unsaved changes as the Templates menu does. */
  @Override
  public void applyPreset(Map<String, String> preset) {
    for (Map.Entry<String, String> e : preset.entrySet()) {
      if (!e.getKey().equals("template")) {
        throw LessonTarget.unknownKey(e.getKey());
      }
      if (!org.tensorworkbench.engine.spec.Templates.exists(e.getValue())) {
        throw LessonTarget.badValue(e.getKey(), e.getValue());
      }
    }
    String template = preset.get("template");
    if (template != null) {
      afterUnsavedChanges(() -> {
        vm.openTemplate(template);
        Platform.runLater(canvas::showNewGraph);
      });
    }
  }

  @Override
  public Map<String, Object> facts() {
    return vm.lessonFacts();
  }

  BuilderViewModel viewModel() {
    return vm;
  }

  GraphCanvas canvas() {
    return canvas;
  }

  // ---- tool bar ----

  private ToolBar toolBar() {
    MenuButton templates = new MenuButton();
    templates.textProperty().bind(I18n.text("builder.action.templates"));
    templates.setId("builder-templates");
    TemplateMenu.fill(templates, name -> afterUnsavedChanges(() -> {
      vm.openTemplate(name);
      Platform.runLater(canvas::showNewGraph);
    }));
    Button undo = button("builder.action.undo", "builder-undo", vm::undo);
    undo.disableProperty().bind(vm.canUndoProperty().not());
    Tooltip undoTip = new Tooltip();
    undoTip.textProperty().bind(vm.undoNameProperty());
    undo.setTooltip(undoTip);
    Button redo = button("builder.action.redo", "builder-redo", vm::redo);
    redo.disableProperty().bind(vm.canRedoProperty().not());
    Tooltip redoTip = new Tooltip();
    redoTip.textProperty().bind(vm.redoNameProperty());
    redo.setTooltip(redoTip);
    Button train = button("builder.action.train", "builder-train", vm::trainThis);
    train.getStyleClass().add("accent");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    return new ToolBar(
        button("builder.action.new", "builder-new", () -> afterUnsavedChanges(vm::newDesign)),
        splitButton("builder.action.open", "builder-open", this::open,
            menuItem("export.action.openModel", "builder-open-model", this::openModel)),
        splitButton("builder.action.save", "builder-save", this::save,
            menuItem("builder.action.saveAs", "builder-save-as", this::saveAs)),
        templates, new Separator(), undo, redo, new Separator(),
        button("builder.action.layout", "builder-layout", () -> {
          vm.autoLayout();
          canvas.fitToView();
        }),
        button("builder.action.fit", "builder-fit", canvas::fitToView),
        withTip(button("builder.action.zoomOutShort", "builder-zoom-out", () -> canvas.zoomBy(1 / 1.25)), "builder.action.zoomOut"),
        withTip(button("builder.action.zoomInShort", "builder-zoom-in", () -> canvas.zoomBy(1.25)), "builder.action.zoomIn"),
        spacer, train);
  }

  /** A trained model (.twmodel or .onnx): its graph here, the Predict panel in a window beside. */
  private void openModel() {
    javafx.stage.Window owner = root.getScene() == null ? null : root.getScene().getWindow();
    PredictDialogs.system().chooseModel(owner).ifPresent(file ->
        PredictWindow.show(owner, vm.executor(), file,
            model -> afterUnsavedChanges(() -> vm.openNetwork(model.spec()))));
  }

  private static Button button(String key, String id, Runnable action) {
    Button b = new Button();
    b.textProperty().bind(I18n.text(key));
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }

  /** A button whose arrow offers the less frequent variants of its action (Save As…, Open model…). */
  private static SplitMenuButton splitButton(String key, String id, Runnable action, MenuItem... more) {
    SplitMenuButton b = new SplitMenuButton(more);
    b.textProperty().bind(I18n.text(key));
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }

  private static Button withTip(Button b, String key) {
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(I18n.text(key));
    b.setTooltip(tip);
    return b;
  }

  private static MenuItem menuItem(String key, String id, Runnable action) {
    MenuItem item = new MenuItem();
    item.textProperty().bind(I18n.text(key));
    item.setId(id);
    item.setOnAction(e -> action.run());
    return item;
  }

  // ---- totals and notices ----

  private Node statusBar() {
    Label totals = new Label();
    totals.setId("builder-totals");
    totals.getStyleClass().add("totals");
    totals.textProperty().bind(Bindings.createStringBinding(() -> {
      InferredNetwork n = vm.inferred();
      return Messages.get("builder.totals", LayerText.count(n.parameterCount()), LayerText.count(n.multiplyAddsPerExample()),
          n.batchSize(), LayerText.bytes(n.activationBytes()), String.format(Messages.locale(), "%,d", n.parameterCount()));
    }, vm.inferredProperty(), I18n.localeProperty()));
    Label batchLabel = new Label();
    batchLabel.setMinWidth(Region.USE_PREF_SIZE);
    batchLabel.textProperty().bind(I18n.text("builder.batchSize"));
    Spinner<Integer> batch = new Spinner<>(1, 65_536, vm.batchSizeProperty().get(), 32);
    batch.setId("builder-batch");
    batch.setEditable(true);
    batch.setPrefWidth(96);
    batch.setMinWidth(Region.USE_PREF_SIZE);
    batch.valueProperty().addListener((obs, old, now) -> vm.batchSizeProperty().set(now));
    notice.setId("builder-notice");
    notice.getStyleClass().add("notice");
    notice.setWrapText(true);
    notice.setMaxWidth(Double.MAX_VALUE);
    notice.setPadding(new Insets(5, 10, 5, 10));
    vm.noticeProperty().addListener((obs, old, now) -> showNotice(now));
    I18n.onChange(root, () -> showNotice(vm.noticeProperty().get()));
    showNotice(vm.noticeProperty().get());
    totals.setMinWidth(Region.USE_PREF_SIZE);
    HBox batchBox = new HBox(6, batchLabel, batch);
    batchBox.setAlignment(Pos.CENTER_LEFT);
    // a flow, not a row: on a narrow window the batch size wraps below instead of pushing the screen wider
    FlowPane bar = new FlowPane(18, 4, designTitle(), totals, batchBox);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(5, 10, 5, 10));
    bar.getStyleClass().add("builder-status");
    return new VBox(notice, bar);
  }

  /** The design's file name, or "Untitled network", with a dot while it has unsaved changes. */
  private Label designTitle() {
    Label title = new Label();
    title.setId("builder-title");
    title.getStyleClass().add("design-title");
    title.setMinWidth(Region.USE_PREF_SIZE);
    title.textProperty().bind(Bindings.createStringBinding(() -> {
      Path f = vm.fileProperty().get();
      String name = f == null ? Messages.get("builder.untitled") : f.getFileName().toString();
      return (vm.dirtyProperty().get() ? "● " : "") + name;
    }, vm.fileProperty(), vm.dirtyProperty(), I18n.localeProperty()));
    return title;
  }

  private void showNotice(UiText n) {
    showNotice(n, vm.noticeIsErrorProperty().get());
  }

  private void showNotice(UiText n, boolean error) {
    notice.setText(n == null ? "" : n.get());
    notice.setVisible(n != null);
    notice.setManaged(n != null);
    notice.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"), n != null && error);
  }

  private void offerRecovery(Autosave.Recovered recovered) {
    Label text = new Label(Messages.get("builder.recover.found", recovered.design().nodes().size(),
        recovered.source().map(p -> p.getFileName().toString()).orElse(Messages.get("builder.untitled"))));
    text.setWrapText(true);
    Button restore = new Button(Messages.get("builder.recover.restore"));
    restore.setId("builder-restore");
    Button discard = new Button(Messages.get("builder.recover.discard"));
    discard.setId("builder-discard");
    restore.setOnAction(e -> {
      vm.restore(recovered);
      hideRecovery();
      canvas.showNewGraph();
    });
    discard.setOnAction(e -> {
      try {
        vm.declineRecovery();
      } catch (IOException ex) {
        showNotice(UiText.of("builder.notice.autosaveFailed", UiText.of(ex)), true);
      }
      hideRecovery();
    });
    recoveryBar.getChildren().setAll(text, restore, discard);
    recoveryBar.setAlignment(Pos.CENTER_LEFT);
    recoveryBar.setPadding(new Insets(6, 10, 6, 10));
    recoveryBar.getStyleClass().add("recovery-bar");
    recoveryBar.setManaged(true);
    recoveryBar.setVisible(true);
  }

  private void hideRecovery() {
    recoveryBar.setManaged(false);
    recoveryBar.setVisible(false);
  }

  // ---- files ----

  private void open() {
    afterUnsavedChanges(() -> {
      Path folder = vm.fileProperty().get() != null ? vm.fileProperty().get().getParent() : designsFolder;
      dialogs.chooseOpen(root.getScene().getWindow(), folder).ifPresent(p -> {
        vm.open(p);
        Platform.runLater(canvas::showNewGraph);
      });
    });
  }

  private void save() {
    saveThen(() -> { });
  }

  private void saveAs() {
    chooseSaveTarget().ifPresent(vm::saveAs);
  }

  /** Saves to the design's file, or asks for one; runs {@code then} once it is saved. */
  private void saveThen(Runnable then) {
    saveTarget().ifPresent(p -> vm.saveAs(p, then));
  }

  /** The design's file, or one the user chooses; empty if they cancel. */
  private Optional<Path> saveTarget() {
    return vm.fileProperty().get() != null ? Optional.of(vm.fileProperty().get()) : chooseSaveTarget();
  }

  private Optional<Path> chooseSaveTarget() {
    try {
      Files.createDirectories(designsFolder);
    } catch (IOException e) {
      showNotice(UiText.of("builder.notice.saveFailed", designsFolder.toString(), UiText.of(e)), true);
    }
    String name = vm.design().spec().name().isBlank() ? "network.json" : vm.design().spec().name() + ".json";
    Path folder = vm.fileProperty().get() != null ? vm.fileProperty().get().getParent() : designsFolder;
    return dialogs.chooseSave(root.getScene().getWindow(), folder, name);
  }

  /**
   * Runs {@code proceed}, which would replace or close the design, once unsaved changes are
   * dealt with: saved (then it runs after the save succeeded), dropped, or kept by cancelling.
   */
  private void afterUnsavedChanges(Runnable proceed) {
    if (!vm.dirtyProperty().get()) {
      proceed.run();
      return;
    }
    switch (dialogs.askToSave(root.getScene().getWindow(), vm.designName())) {
      case SAVE -> saveThen(proceed);
      case DISCARD -> proceed.run();
      case CANCEL -> { }
    }
  }

  /**
   * Watches the window of the scene the builder was last shown in, also while another workspace
   * is shown there: closing it asks about unsaved changes ({@link #askBeforeClosing}) and
   * autosaves when the window really goes. When that scene leaves its window (it was replaced),
   * the window is no longer watched, nor does it keep this builder alive.
   */
  private void follow(Scene scene) {
    if (scene == lastScene) {
      return;
    }
    if (lastScene != null) {
      lastScene.windowProperty().removeListener(windowOfLastScene);
    }
    lastScene = scene;
    scene.windowProperty().addListener(windowOfLastScene);
    watchClosing(scene.getWindow());
  }

  private void watchClosing(Window window) {
    if (window == watchedWindow) {
      return;
    }
    if (watchedWindow != null) {
      watchedWindow.removeEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, onCloseRequest);
      watchedWindow.removeEventHandler(WindowEvent.WINDOW_HIDING, onHiding);
    }
    watchedWindow = window;
    if (window != null) {
      window.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, onCloseRequest);
      window.addEventHandler(WindowEvent.WINDOW_HIDING, onHiding);
    }
  }

  /**
   * The window is asked to close (its close button, or the shell's Quit, which sends the same
   * request): Save writes the file at once, so the request goes on to close the window; Cancel
   * consumes it.
   */
  private void askBeforeClosing(WindowEvent e) {
    if (!vm.dirtyProperty().get()) {
      return;
    }
    boolean close = switch (dialogs.askToSave(watchedWindow, vm.designName())) {
      case SAVE -> saveTarget().map(vm::saveNow).orElse(false);
      case DISCARD -> {
        leaveWithoutAutosave = true;
        yield true;
      }
      case CANCEL -> false;
    };
    if (!close) {
      e.consume();
    }
  }

  /**
   * Autosaves on exit, unless a recovered design is still waiting for an answer (the view model
   * keeps it for next time) or the user chose not to save (then no copy is kept either).
   */
  private void saveOnExit() {
    autosaveTimer.stop();
    try {
      if (leaveWithoutAutosave) {
        vm.discardAutosave();
      } else {
        vm.autosaveNow();
      }
    } catch (IOException e) {
      org.slf4j.LoggerFactory.getLogger(BuilderView.class).warn("autosave on exit failed", e);
    }
  }

  private static void copy(String text) {
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
  }

  // ---- keyboard ----

  private void shortcut(KeyEvent e) {
    boolean ctrl = e.isShortcutDown();
    KeyCode k = e.getCode();
    boolean handled = true;
    if (ctrl && k == KeyCode.Z && e.isShiftDown() || ctrl && k == KeyCode.Y) {
      vm.redo();
    } else if (ctrl && k == KeyCode.Z) {
      vm.undo();
    } else if (ctrl && k == KeyCode.S) {
      save();
    } else if (!canvas.isFocused()) {
      handled = false;
    } else if (k == KeyCode.DELETE || k == KeyCode.BACK_SPACE) {
      vm.deleteSelection();
    } else if (ctrl && k == KeyCode.C) {
      vm.copySelection();
    } else if (ctrl && k == KeyCode.X) {
      vm.cutSelection();
    } else if (ctrl && k == KeyCode.V) {
      vm.paste();
    } else if (ctrl && k == KeyCode.A) {
      vm.selectAll();
    } else {
      handled = false;
    }
    if (handled) {
      e.consume();
    }
  }
}
