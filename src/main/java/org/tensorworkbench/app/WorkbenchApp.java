package org.tensorworkbench.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorworkbench.app.settings.Settings;
import org.tensorworkbench.app.settings.SettingsFile;
import org.tensorworkbench.ui.common.FxUiExecutor;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.shell.ShellView;
import org.tensorworkbench.ui.shell.ShellViewModel;

/**
 * The JavaFX application: loads the settings, wires the {@link AppContext} once, shows the shell
 * as fast as possible and only then starts the compute engine in the background.
 */
public final class WorkbenchApp extends Application {
  private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);

  private FxUiExecutor executor;
  private SettingsFile settingsFile;
  private ShellViewModel model;
  private WindowPlacement placement;

  static void launchApp(String[] args) {
    Application.launch(WorkbenchApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    settingsFile = SettingsFile.forCurrentUser();
    Settings settings = settingsFile.load();
    executor = new FxUiExecutor();
    AppContext context = new AppContext(executor, ProjectHome.find(), settings.workspacePath());
    model = new ShellViewModel(settings, Locale.getDefault(), this::save);
    ShellView shell = new ShellView(context, model);

    stage.titleProperty().bind(I18n.text("shell.app.title"));
    stage.setScene(new Scene(shell.root()));
    placement = new WindowPlacement(stage);
    placement.restore(settings.window());
    stage.show();
    long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    LOG.info("Window shown {} ms after the JVM started", sinceJvmStart);
    shell.startEngine();
  }

  @Override
  public void stop() {
    if (model != null) {
      model.rememberWindow(placement.current());
    }
    if (executor != null) {
      executor.shutdown();
    }
  }

  private void save(Settings settings) {
    try {
      settingsFile.save(settings);
    } catch (IOException e) {
      LOG.warn("Cannot save the settings to {}: {}", settingsFile.path(), e.toString());
    }
  }
}
