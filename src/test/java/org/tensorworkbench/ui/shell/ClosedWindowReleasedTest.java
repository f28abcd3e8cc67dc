package org.tensorworkbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.Appearance;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.workspace.Settings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window whose screens are gone is released: nothing app-wide (the language, the zoom, the
 * design hand-offs, JavaFX's animation timer) keeps its screens, their models and pictures alive.
 * Every workspace is opened first, so each one's listeners and timers exist. Before, every
 * window a test had made stayed alive, until the test JVM's heap was full and a lab run failed
 * for want of memory.
 */
@ExtendWith(ApplicationExtension.class)
class ClosedWindowReleasedTest {
  @TempDir
  Path workspace;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(new Scene(new Pane(), 400, 300));
    stage.show();
  }

  @AfterEach
  void englishAt100(FxRobot robot) {
    robot.interact(() -> {
      I18n.setLocale(Locale.ENGLISH);
      Appearance.setZoomPercent(100);
    });
  }

  @Test
  void aWindowGivenAnotherSceneIsReleased(FxRobot robot) throws Exception {
    WeakReference<ShellView> shell = openEveryWorkspace(robot, stage);
    robot.interact(() -> stage.setScene(new Scene(new Pane(), 400, 300)));
    assertReleased(shell);
  }

  @Test
  void aClosedWindowIsReleased(FxRobot robot) throws Exception {
    AtomicReference<Stage> second = new AtomicReference<>();
    robot.interact(() -> second.set(new Stage()));
    WeakReference<ShellView> shell = openEveryWorkspace(robot, second.get());
    robot.interact(() -> {
      second.get().hide();
      stage.requestFocus(); // Monocle keeps the last focused window until another one takes focus (JDK-8241840)
    });
    second.set(null);
    assertReleased(shell);
  }

  /** Shows a whole app window in {@code window}, visits every workspace, switches language and zoom and back. */
  private WeakReference<ShellView> openEveryWorkspace(FxRobot robot, Stage window) {
    AtomicReference<WeakReference<ShellView>> ref = new AtomicReference<>();
    robot.interact(() -> {
      Settings settings = Settings.defaults(workspace).withLanguage(Locale.ENGLISH).withWorkspaceFolder(workspace);
      ShellView shell = new ShellView(new AppContext(UiExecutor.direct(), Path.of("").toAbsolutePath(), workspace),
          new ShellViewModel(settings, Locale.ENGLISH, s -> { }));
      window.setScene(new Scene(shell.root(), 1000, 700));
      window.show();
      for (Workspace w : Workspace.values()) {
        shell.show(w);
      }
      ref.set(new WeakReference<>(shell));
    });
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> {
      I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
      Appearance.setZoomPercent(150);
    });
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> {
      I18n.setLocale(Locale.ENGLISH);
      Appearance.setZoomPercent(100);
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(ref.get().get() != null);
    return ref.get();
  }

  /** Collects garbage (and lets a few frames pass, so JavaFX drops its last references) until the screen is gone. */
  private static void assertReleased(WeakReference<ShellView> shell) throws Exception {
    forgetFiredEvents();
    List<byte[]> pressure = new ArrayList<>();
    for (int i = 0; i < 50 && shell.get() != null; i++) {
      WaitForAsyncUtils.waitForFxEvents();
      System.gc();
      Thread.sleep(100);
      pressure.add(new byte[1 << 20]);
    }
    pressure.clear();
    assertNull(shell.get(), "something app-wide still holds the closed window's screens");
  }

  /**
   * TestFX keeps every event fired on its stage during a test, in a list private to its context
   * (TestFX issue 815), and events point at the nodes they were fired on.
   */
  private static void forgetFiredEvents() throws ReflectiveOperationException {
    java.lang.reflect.Field field = org.testfx.api.FxToolkitContext.class.getDeclaredField("firedEvents");
    field.setAccessible(true);
    ((org.testfx.service.support.FiredEvents) field.get(org.testfx.api.FxToolkit.toolkitContext())).clearEvents();
  }
}
