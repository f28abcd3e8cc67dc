package org.tensorworkbench.ui.shell;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.tensorworkbench.app.AppContext;
import org.tensorworkbench.engine.EngineRuntime;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.common.I18n;

/** The main window: menu, workspace navigation on the left, the workspace, and a status bar. */
public final class ShellView {
  private final AppContext context;
  private final BorderPane root = new BorderPane();
  private final StackPane content = new StackPane();
  private final Map<Workspace, Node> views = new EnumMap<>(Workspace.class);
  private final Label engineStatus = new Label();
  private final ProgressBar engineProgress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);

  public ShellView(AppContext context) {
    this.context = context;
    root.setTop(menuBar());
    root.setLeft(navigation());
    root.setCenter(content);
    root.setBottom(statusBar());
    show(Workspace.BUILDER);
  }

  public Parent root() {
    return root;
  }

  /** Starts ND4J in the background; the status bar shows progress, then the backend in use. */
  public void startEngine() {
    engineStatus.textProperty().bind(I18n.text("shell.status.engineStarting"));
    context.executor().submit(EngineRuntime::start, info -> {
      engineProgress.setVisible(false);
      engineStatus.textProperty().unbind();
      engineStatus.setText(info.describe());
      I18n.localeProperty().addListener((obs, old, now) -> engineStatus.setText(info.describe()));
    }, error -> {
      engineProgress.setVisible(false);
      engineStatus.textProperty().bind(I18n.text("shell.status.engineFailed", error.getMessage()));
    });
  }

  private MenuBar menuBar() {
    Menu language = new Menu();
    language.textProperty().bind(I18n.text("shell.menu.language"));
    language.setId("menu-language");
    for (Locale locale : Messages.SUPPORTED) {
      MenuItem item = new MenuItem(Messages.get(locale, "shell.language.self"));
      item.setId("language-" + locale.toLanguageTag());
      item.setOnAction(e -> I18n.setLocale(locale));
      language.getItems().add(item);
    }
    return new MenuBar(language);
  }

  private VBox navigation() {
    ToggleGroup group = new ToggleGroup();
    VBox nav = new VBox(4);
    nav.setPadding(new Insets(8));
    for (Workspace w : Workspace.values()) {
      ToggleButton button = new ToggleButton();
      button.textProperty().bind(I18n.text(w.titleKey()));
      button.setId("nav-" + w.id());
      button.setMaxWidth(Double.MAX_VALUE);
      button.setToggleGroup(group);
      button.setSelected(w == Workspace.BUILDER);
      button.setOnAction(e -> {
        button.setSelected(true);
        show(w);
      });
      nav.getChildren().add(button);
    }
    return nav;
  }

  private HBox statusBar() {
    engineProgress.setPrefWidth(120);
    HBox bar = new HBox(8, engineProgress, engineStatus);
    bar.setPadding(new Insets(4, 8, 4, 8));
    engineStatus.setId("engine-status");
    return bar;
  }

  private void show(Workspace workspace) {
    Node view = views.computeIfAbsent(workspace, w -> WorkspaceViews.create(w, context));
    content.getChildren().setAll(view);
  }
}
