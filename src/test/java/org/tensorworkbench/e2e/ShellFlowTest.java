package org.tensorworkbench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tensorworkbench.app.AppContext;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.shell.ShellView;
import org.tensorworkbench.ui.shell.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ShellFlowTest {

  @Start
  void start(Stage stage) {
    I18n.setLocale(Locale.ENGLISH);
    AppContext context = new AppContext(UiExecutor.direct(), Path.of("").toAbsolutePath(), Path.of("target/test-workspace"));
    stage.setScene(new Scene(new ShellView(context).root(), 1000, 700));
    stage.show();
  }

  @AfterEach
  void backToEnglish(FxRobot robot) {
    robot.interact(() -> I18n.setLocale(Locale.ENGLISH));
  }

  @Test
  void everyWorkspaceIsReachable(FxRobot robot) {
    for (Workspace w : Workspace.values()) {
      robot.clickOn("#nav-" + w.id());
      waitForFxEvents();
      assertNotNull(robot.lookup("#nav-" + w.id()).queryAs(ToggleButton.class));
      assertEquals(true, robot.lookup("#nav-" + w.id()).queryAs(ToggleButton.class).isSelected());
    }
  }

  @Test
  void switchingToChineseChangesTheVisibleLabels(FxRobot robot) {
    ToggleButton builder = robot.lookup("#nav-builder").queryAs(ToggleButton.class);
    assertEquals("Network Builder", builder.getText());
    robot.interact(() -> I18n.setLocale(Locale.SIMPLIFIED_CHINESE));
    assertEquals("网络构建器", builder.getText());
  }
}
