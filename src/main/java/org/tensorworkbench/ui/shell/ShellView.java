package org.tensorworkbench.ui.shell;

import org.tensorworkbench.ui.common.UiText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.launch.Relauncher;
import org.tensorworkbench.workspace.Settings;
import org.tensorworkbench.engine.BackendInfo;
import org.tensorworkbench.engine.DeviceChoice;
import org.tensorworkbench.engine.EngineRuntime;
import org.tensorworkbench.engine.EngineStartException;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.common.Appearance;
import org.tensorworkbench.ui.common.DesignHandoff;
import org.tensorworkbench.ui.common.DialogButtons;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.LessonTarget;
import org.tensorworkbench.ui.common.Presenting;
import org.tensorworkbench.ui.learn.LessonWorkspaces;

/**
 * The main window: menus, workspace navigation on the left, the workspace, and a status bar with
 * the compute backend in use. Workspaces are created the first time they are shown.
 */
public final class ShellView {
  private static final Logger LOG = LoggerFactory.getLogger(ShellView.class);

  private final AppContext context;
  private final ShellViewModel model;
  private final BorderPane root = new BorderPane();
  private final StackPane content = new StackPane();
  private final Map<Workspace, WorkspaceViews.Mounted> views = new EnumMap<>(Workspace.class);
  private final Map<Workspace, ToggleButton> navButtons = new EnumMap<>(Workspace.class);
  private final ToggleGroup navGroup = new ToggleGroup();
  private final ObjectProperty<Workspace> current = new SimpleObjectProperty<>();
  private final ObjectProperty<BackendInfo> backend = new SimpleObjectProperty<>();
  private final Label engineStatus = new Label();
  private final ProgressBar engineProgress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
  private final MenuBar menuBar;

  /** A shell that keeps its settings in memory only: for tests and embedding. */
  public ShellView(AppContext context) {
    this(context, new ShellViewModel(
        Settings.defaults(Path.of(System.getProperty("user.home")))
            .withWorkspaceFolder(context.workspaceFolder())
            .withLanguage(I18n.localeProperty().get())
            .withZoomPercent(Appearance.zoomPercent()),
        Locale.getDefault(), s -> { }));
  }

  public ShellView(AppContext context, ShellViewModel model) {
    this.context = context;
    this.model = model;
    this.menuBar = menuBar();
    root.setId("shell");
    root.getStyleClass().add("shell");
    root.setTop(menuBar);
    root.setLeft(new NavigationScroll(navigation()));
    content.getStyleClass().add("workspace-area");
    root.setCenter(content);
    root.setBottom(statusBar());
    showOnlyTheWorkspaceWhilePresenting();
    Appearance.apply(root);
    root.sceneProperty().addListener((obs, old, scene) -> {
      if (scene != null) {
        installExtraAccelerators(scene);
      }
    });
    show(model.startWorkspace());
    // "Train this network" in the builder opens the Training screen, which picks the design up
    DesignHandoff.of(context).subscribe(spec -> show(Workspace.TRAINING));
    // "Open in Network Builder" in the Playground: the builder (created above) has opened the design
    DesignHandoff.toBuilder(context).subscribe(spec -> show(Workspace.BUILDER));
  }

  public Parent root() {
    return root;
  }

  public ShellViewModel model() {
    return model;
  }

  /**
   * Starts ND4J in the background; the status bar shows progress, then the backend in use.
   * {@code whenSettled} runs on the FX thread once the engine has started or failed.
   */
  public void startEngine(Runnable whenSettled) {
    IntegerProperty seconds = new SimpleIntegerProperty();
    Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> seconds.set(seconds.get() + 1)));
    clock.setCycleCount(Timeline.INDEFINITE);
    clock.play();
    engineProgress.setVisible(true);
    engineProgress.setManaged(true);
    engineStatus.textProperty().bind(Bindings.createStringBinding(
        () -> Messages.get("shell.status.engineStarting", seconds.get()), seconds, I18n.localeProperty()));
    context.executor().submit(EngineRuntime::start, info -> {
      clock.stop();
      engineStarted(info);
      whenSettled.run();
    }, error -> {
      clock.stop();
      engineFailed(error);
      whenSettled.run();
    });
  }

  /** Shows {@code workspace}, creating its view the first time. */
  public void show(Workspace workspace) {
    if (workspace != Workspace.LEARN) {
      Presenting.of(context).activeProperty().set(false); // a lesson step opened a lab: the whole window again
    }
    Node view = mounted(workspace).root();
    content.getChildren().setAll(view);
    navButtons.get(workspace).setSelected(true);
    current.set(workspace);
  }

  /** Shows {@code workspace} as the user's choice, which the next start opens again. */
  private void choose(Workspace workspace) {
    show(workspace);
    model.rememberWorkspace(workspace);
  }

  private WorkspaceViews.Mounted mounted(Workspace workspace) {
    return views.computeIfAbsent(workspace, w -> WorkspaceViews.create(w, context, lessonWorkspaces()));
  }

  /** How lessons reach the workspaces: through their views, kept by this shell. */
  private LessonWorkspaces lessonWorkspaces() {
    return new LessonWorkspaces() {
      @Override
      public Optional<LessonTarget> show(String id) {
        Optional<Workspace> w = Workspace.byId(id);
        w.ifPresent(ShellView.this::choose);
        return w.map(ws -> views.get(ws).target());
      }

      @Override
      public Optional<LessonTarget> find(String id) {
        return Workspace.byId(id).map(ws -> mounted(ws).target());
      }
    };
  }

  private void engineStarted(BackendInfo info) {
    backend.set(info);
    engineProgress.setVisible(false);
    engineProgress.setManaged(false);
    engineStatus.getStyleClass().add("engine-ready");
    engineStatus.textProperty().bind(Bindings.createStringBinding(() -> {
      String text = info.describe();
      Optional<String> fellBack = DeviceChoice.of(info).fallbackMessageKey()
          .map(key -> Messages.get(key) + EngineRuntime.gpuProblem().map(why -> " (" + why + ")").orElse(""));
      return fellBack.or(() -> model.deviceNoteKey(info).map(Messages::get))
          .map(note -> text + "  —  " + note).orElse(text);
    }, I18n.localeProperty(), model.settingsProperty()));
  }

  private void engineFailed(Throwable error) {
    LOG.error("The compute engine did not start", error);
    engineProgress.setVisible(false);
    engineProgress.setManaged(false);
    engineStatus.getStyleClass().add("engine-failed");
    UiText text = error instanceof EngineStartException ? UiText.of(error) : UiText.of("shell.status.engineFailed", UiText.of(error));
    engineStatus.textProperty().bind(Bindings.createStringBinding(text::get, I18n.localeProperty()));
  }

  private MenuBar menuBar() {
    Menu file = menu("shell.menu.file", "menu-file",
        item("shell.menu.settings", "menu-settings", shortcut(KeyCode.COMMA), this::openSettings),
        new SeparatorMenuItem(),
        item("shell.menu.quit", "menu-quit", shortcut(KeyCode.Q), this::quit));

    Menu view = menu("shell.menu.view", "menu-view");
    ToggleGroup workspaceItems = new ToggleGroup();
    for (Workspace w : Workspace.values()) {
      RadioMenuItem item = new RadioMenuItem();
      item.textProperty().bind(I18n.text(w.titleKey()));
      item.setId("menu-go-" + w.id());
      if (w.ordinal() < 9) {
        item.setAccelerator(shortcut(KeyCode.valueOf("DIGIT" + (w.ordinal() + 1))));
      }
      item.setToggleGroup(workspaceItems);
      item.setOnAction(e -> choose(w));
      current.addListener((obs, old, now) -> item.setSelected(now == w));
      view.getItems().add(item);
    }
    view.getItems().addAll(new SeparatorMenuItem(),
        item("shell.menu.zoomIn", "menu-zoom-in", shortcut(KeyCode.PLUS), model::zoomIn),
        item("shell.menu.zoomOut", "menu-zoom-out", shortcut(KeyCode.MINUS), model::zoomOut),
        item("shell.menu.zoomReset", "menu-zoom-reset", shortcut(KeyCode.DIGIT0), model::resetZoom),
        new SeparatorMenuItem(),
        languageMenu());

    Menu help = menu("shell.menu.help", "menu-help",
        item("shell.menu.shortcuts", "menu-shortcuts", new KeyCodeCombination(KeyCode.F1), this::openShortcuts),
        item("shell.menu.about", "menu-about", null, this::openAbout));
    MenuBar bar = new MenuBar(file, view, help);
    bar.setUseSystemMenuBar(true);
    return bar;
  }

  /** Quits as the window's close button does. */
  private void quit() {
    if (closeWindow()) {
      Platform.exit();
    }
  }

  /**
   * Sends the window the close request its close button sends, which lets a workspace ask first
   * (the builder about unsaved changes) and refuse by consuming it; true if the window closed.
   */
  private boolean closeWindow() {
    Window window = root.getScene().getWindow();
    window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST));
    return !window.isShowing();
  }

  private Menu languageMenu() {
    Menu language = menu("shell.menu.language", "menu-language");
    ToggleGroup group = new ToggleGroup();
    for (Locale locale : Messages.SUPPORTED) {
      RadioMenuItem item = new RadioMenuItem(Messages.get(locale, "shell.language.self"));
      item.setId("language-" + locale.toLanguageTag());
      item.setToggleGroup(group);
      item.setSelected(locale.equals(I18n.localeProperty().get()));
      I18n.onChange(root, () -> item.setSelected(locale.equals(I18n.localeProperty().get())));
      item.setOnAction(e -> model.chooseLanguage(locale));
      language.getItems().add(item);
    }
    return language;
  }

  /** Ctrl+= (Ctrl with the "+" key without Shift), the numeric keypad keys and Ctrl+Shift+= also zoom. */
  private void installExtraAccelerators(Scene scene) {
    Map<KeyCombination, Runnable> keys = scene.getAccelerators();
    keys.put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY), model::zoomIn);
    keys.put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), model::zoomIn);
    keys.put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), model::zoomOut);
    keys.put(new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN), model::resetZoom);
  }

  private VBox navigation() {
    Label brand = new Label();
    brand.textProperty().bind(I18n.text("shell.app.title"));
    brand.getStyleClass().add("brand");
    brand.setMinWidth(Region.USE_PREF_SIZE);
    Label heading = new Label();
    heading.textProperty().bind(I18n.text("shell.nav.heading"));
    heading.getStyleClass().add("nav-heading");
    VBox nav = new VBox(brand, heading);
    nav.getStyleClass().add("navigation");
    for (Workspace w : Workspace.values()) {
      ToggleButton button = new ToggleButton();
      button.textProperty().bind(I18n.text(w.titleKey()));
      button.setGraphic(WorkspaceIcon.create(w, "icon-small"));
      button.setId("nav-" + w.id());
      button.getStyleClass().add("nav-button");
      button.setMaxWidth(Double.MAX_VALUE);
      button.setAlignment(Pos.CENTER_LEFT);
      button.setToggleGroup(navGroup);
      button.setOnAction(e -> choose(w));
      navButtons.put(w, button);
      nav.getChildren().add(button);
    }
    // a selected workspace stays selected when its button is clicked again
    navGroup.selectedToggleProperty().addListener((obs, old, now) -> {
      if (now == null && old != null) {
        old.setSelected(true);
      }
    });
    return nav;
  }

  /** While a lesson is presented (Learn's presenter mode), only the workspace is shown; Esc brings the rest back. */
  private void showOnlyTheWorkspaceWhilePresenting() {
    var presenting = Presenting.of(context).activeProperty();
    for (Node chrome : List.of(root.getTop(), root.getLeft(), root.getBottom())) {
      chrome.visibleProperty().bind(presenting.not());
      chrome.managedProperty().bind(chrome.visibleProperty());
    }
  }

  private HBox statusBar() {
    engineProgress.getStyleClass().add("engine-progress");
    engineProgress.setVisible(false);
    engineProgress.setManaged(false);
    engineStatus.setId("engine-status");
    Tooltip fullText = new Tooltip();
    fullText.textProperty().bind(engineStatus.textProperty());
    fullText.setWrapText(true);
    fullText.setMaxWidth(600);
    engineStatus.setTooltip(fullText);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Hyperlink restart = new Hyperlink();
    restart.setId("restart-note");
    restart.textProperty().bind(I18n.text("shell.status.restartNeeded"));
    restart.getStyleClass().add("restart-note");
    restart.visibleProperty().bind(model.restartNeededProperty().or(Bindings.createBooleanBinding(
        () -> backend.get() != null && model.deviceSwitch(DeviceChoice.of(backend.get())).relaunch(),
        backend, model.settingsProperty())));
    restart.managedProperty().bind(restart.visibleProperty());
    restart.setOnAction(e -> restartNow());
    Label zoom = new Label();
    zoom.setId("zoom-status");
    zoom.getStyleClass().add("zoom-status");
    zoom.setMinWidth(Region.USE_PREF_SIZE);
    restart.setMinWidth(Region.USE_PREF_SIZE);
    zoom.textProperty().bind(Bindings.createStringBinding(
        () -> Messages.get("shell.status.zoom", model.settings().zoomPercent()),
        model.settingsProperty(), I18n.localeProperty()));
    HBox bar = new HBox(engineProgress, engineStatus, spacer, restart, zoom);
    bar.getStyleClass().add("status-bar");
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private void openSettings() {
    new SettingsDialog(model.settings(), model.systemLocale(), EngineRuntime.gpuBackendInBuild(), root.getScene().getWindow())
        .showAndWait()
        .ifPresent(model::apply);
  }

  private void openAbout() {
    new AboutDialog(backend.get(), root.getScene().getWindow()).showAndWait();
  }

  /**
   * Starts the workbench again, for a new compute device or workspace folder: the window closes as
   * with its close button (a workspace may still ask to save, or refuse), then a new process starts
   * with the environment that selects the preferred device.
   */
  private void restartNow() {
    DeviceChoice.Switch change = backend.get() == null
        ? new DeviceChoice.Switch(false, Map.of(), null) : model.deviceSwitch(DeviceChoice.of(backend.get()));
    if (!change.relaunch() && change.messageKey() != null && !model.workspaceFolderChanged()) {
      Alert note = new Alert(Alert.AlertType.INFORMATION, Messages.get(change.messageKey()), DialogButtons.ok());
      note.initOwner(root.getScene().getWindow());
      note.showAndWait();
      return;
    }
    if (!closeWindow()) {
      return;
    }
    try {
      if (!Relauncher.startAgain(change.environment())) {
        LOG.warn("The operating system did not tell this process's command line; start the workbench again by hand");
      }
    } catch (IOException e) {
      LOG.error("Could not start the workbench again", e);
    }
    Platform.exit();
  }

  private void openShortcuts() {
    new ShortcutsDialog(menuBar.getMenus(), root.getScene().getWindow()).showAndWait();
  }

  private static Menu menu(String key, String id, MenuItem... items) {
    Menu menu = new Menu();
    menu.textProperty().bind(I18n.text(key));
    menu.setId(id);
    menu.getItems().addAll(List.of(items));
    return menu;
  }

  private static MenuItem item(String key, String id, KeyCombination accelerator, Runnable action) {
    MenuItem item = new MenuItem();
    item.textProperty().bind(I18n.text(key));
    item.setId(id);
    item.setAccelerator(accelerator);
    item.setOnAction(e -> action.run());
    return item;
  }

  private static KeyCombination shortcut(KeyCode code) {
    return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
  }
}
