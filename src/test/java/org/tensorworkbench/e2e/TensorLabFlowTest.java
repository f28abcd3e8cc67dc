package org.tensorworkbench.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.shell.ShellView;
import org.tensorworkbench.ui.tensors.TensorCanvas;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A person opens the Tensor Lab, edits shapes, breaks broadcasting, and visits every tab. */
@ExtendWith(ApplicationExtension.class)
class TensorLabFlowTest {

  @Start
  void start(Stage stage) {
    I18n.setLocale(Locale.ENGLISH);
    AppContext context = new AppContext(UiExecutor.direct(), Path.of("").toAbsolutePath(), Path.of("target/test-workspace"));
    stage.setScene(new Scene(new ShellView(context).root(), 1200, 800));
    stage.show();
  }

  @AfterEach
  void backToEnglish(FxRobot robot) {
    robot.interact(() -> I18n.setLocale(Locale.ENGLISH));
  }

  @Test
  void broadcastingFollowsEditsAndExplainsAClash(FxRobot robot) {
    robot.clickOn("#nav-tensors");
    waitForFxEvents();
    TensorCanvas z = robot.lookup("#broadcast-result").queryAs(TensorCanvas.class);
    assertArrayEquals(new int[] {3, 2}, z.tensor().shape());

    robot.interact(() -> robot.lookup("#broadcast-x-shape").queryAs(TextField.class).setText("2, 3"));
    robot.interact(() -> robot.lookup("#broadcast-y-shape").queryAs(TextField.class).setText("4"));
    waitForFxEvents();
    String errors = robot.lookup("#broadcast-numpy-error").queryAs(Label.class).getText();
    assertTrue(errors.contains("operands could not be broadcast together with shapes (2,3) (4,)"), errors);
    assertTrue(errors.contains("at non-singleton dimension 1"), errors);
    assertEquals(null, z.tensor(), "no result for incompatible shapes");

    robot.interact(() -> robot.lookup("#broadcast-y-shape").queryAs(TextField.class).setText("3"));
    waitForFxEvents();
    assertArrayEquals(new int[] {2, 3}, z.tensor().shape());
    robot.moveTo(z);
    waitForFxEvents();
    String pointer = robot.lookup("#broadcast-pointer").queryAs(Label.class).getText();
    assertTrue(pointer.startsWith("Z[") && pointer.contains(" + Y["), pointer);
  }

  @Test
  void everyTabComputesAndSpeaksChinese(FxRobot robot) {
    robot.clickOn("#nav-tensors");
    TabPane tabs = robot.lookup("#tensor-lab").queryAs(TabPane.class);
    robot.clickOn("#tab-shapes .tab-label");
    waitForFxEvents();
    TensorCanvas reshaped = robot.lookup("#shapeop-output").queryAs(TensorCanvas.class);
    assertArrayEquals(new int[] {3, 4}, reshaped.tensor().shape());

    robot.clickOn("#tab-matmul .tab-label");
    waitForFxEvents();
    robot.interact(() -> robot.lookup("#matmul-a-shape").queryAs(TextField.class).setText("2, 1, 4, 5"));
    robot.interact(() -> robot.lookup("#matmul-b-shape").queryAs(TextField.class).setText("1, 1, 5, 4"));
    waitForFxEvents();
    assertArrayEquals(new int[] {2, 1, 4, 4}, robot.lookup("#matmul-result").queryAs(TensorCanvas.class).tensor().shape());

    robot.clickOn("#tab-memory .tab-label");
    waitForFxEvents();
    assertEquals(1, robot.lookup(".memory-new-buffer").queryAll().size());
    assertEquals(2, robot.lookup(".memory-in-place").queryAll().size());

    robot.interact(() -> I18n.setLocale(Locale.SIMPLIFIED_CHINESE));
    Tab first = tabs.getTabs().get(0);
    assertEquals("广播", first.getText());
    assertEquals(1, robot.lookup(".memory-new-buffer").queryAll().size(), "the memory rows are redrawn in Chinese");
  }
}
