package org.tensorworkbench.app;

import org.tensorworkbench.workspace.ProjectHome;

import org.tensorworkbench.ui.common.AppContext;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorworkbench.workspace.Settings;
import org.tensorworkbench.workspace.SettingsFile;
import org.tensorworkbench.ui.common.FxUiExecutor;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.shell.ShellView;
import org.tensorworkbench.ui.shell.ShellViewModel;

/**
 * The JavaFX application: loads the settings, wires the {@link AppContext} once, shows the shell
 * as fast as possible and only then starts the compute engine in the background.
 */
public final class WorkbenchApp extends Application {
  /**
   * With {@code -Dtensorworkbench.closeWhenStarted=true} the app quits by itself once the window
   * has been shown and the engine has started (or failed to). The build runs the packaged app so
   * to record the classes a start loads into its class-data-sharing archive (pom.xml, execution
   * {@code dist-cds-archive}); nobody else needs it.
   */
  static final String CLOSE_WHEN_STARTED = "tensorworkbench.closeWhenStarted";

  private FxUiExecutor executor;
  private SettingsFile settingsFile;
  private ShellViewModel model;
  private WindowPlacement placement;

  /** The settings being read while JavaFX starts; null if the app was launched another way. */
  private static volatile CompletableFuture<Settings> preloaded;

  /**
   * Starts reading the settings on another thread (this also initialises logging and JSON, about a
   * thousand classes) while the JavaFX toolkit starts, then launches the app: the window appears
   * sooner on a two-core classroom laptop.
   */
  static void launchApp(String[] args) {
    preloaded = CompletableFuture.supplyAsync(() -> SettingsFile.forCurrentUser().load());
    Application.launch(WorkbenchApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    settingsFile = SettingsFile.forCurrentUser();
    Settings settings = preloaded == null ? settingsFile.load() : preloaded.join();
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
    long cpuMillis = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    log().info("Window shown {} ms after the JVM started ({} ms of CPU time)", sinceJvmStart, cpuMillis);
    CompletableFuture.runAsync(WorkbenchApp::applyJitPolicy).thenRun(WorkbenchApp::lowerScreenThreads);
    shell.startEngine(Boolean.getBoolean(CLOSE_WHEN_STARTED) ? Platform::exit : () -> { });
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

  /**
   * Not a static field: initialising logging takes a good part of a second, and it happens on
   * the preloading thread while JavaFX starts, not before the launch.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(WorkbenchApp.class);
  }

  /** After the window is shown: the start itself still gets every compiler (see {@link JitPolicy}). */
  private static void applyJitPolicy() {
    try {
      log().info("JIT policy: {}", JitPolicy.keepOptimizingCompilerForTheEngine());
    } catch (IOException e) {
      log().warn("Cannot keep the optimizing compiler for the engine: {}", e.getMessage());
    }
  }

  /** After the window is shown, when its render thread exists (see {@link ScreenThreadsNiceness}). */
  private static void lowerScreenThreads() {
    try {
      int changed = ScreenThreadsNiceness.lower(ScreenThreadsNiceness.SCREEN_THREADS, ScreenThreadsNiceness.NICE);
      log().info("Screen threads at nice {}: {}", ScreenThreadsNiceness.NICE, changed);
    } catch (IOException e) {
      log().warn("Screen threads keep their priority: {}", e.getMessage());
    }
  }

  private void save(Settings settings) {
    try {
      settingsFile.save(settings);
    } catch (IOException e) {
      log().warn("Cannot save the settings to {}: {}", settingsFile.path(), e.toString());
    }
  }
}
