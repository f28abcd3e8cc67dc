package org.tensorworkbench.ui.kernels;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.input.KeyCode;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tensorworkbench.app.AppContext;
import org.tensorworkbench.engine.lab.conv.ConvLab;
import org.tensorworkbench.engine.lab.conv.ConvLabRequest;
import org.tensorworkbench.engine.lab.conv.ConvParams;
import org.tensorworkbench.engine.lab.conv.KernelPreset;
import org.tensorworkbench.engine.lab.conv.SyntheticImage;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.UiExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class KernelLabFlowTest {

  /** Loads ND4J and oneDNN before the stage is built: the view computes on the FX thread in this test. */
  @BeforeAll
  static void warmUpTheEngine() {
    ConvLab.run(ConvLabRequest.simple(SyntheticImage.BOUNDARY.create(), KernelPreset.SOBEL_X.build(3, 1),
        ConvParams.square(1, 1, 1)));
  }

  @Start
  void start(Stage stage) {
    I18n.setLocale(Locale.ENGLISH);
    AppContext context = new AppContext(UiExecutor.direct(), Path.of("").toAbsolutePath(), Path.of("target/test-workspace"));
    stage.setScene(new Scene(new KernelLabView(context).root(), 1100, 780));
    stage.show();
  }

  @AfterEach
  void backToEnglish(FxRobot robot) {
    robot.interact(() -> I18n.setLocale(Locale.ENGLISH));
  }

  private static String shape(FxRobot robot) {
    return robot.lookup("#output-shape").queryAs(Label.class).getText();
  }

  @Test
  void pickingAPresetAndChangingThePaddingChangesTheOutputShape(FxRobot robot) {
    assertTrue(shape(robot).contains("width: ⌊(512 + 2·1 − 1·(3 − 1) − 1) / 1⌋ + 1 = 512"), shape(robot));

    robot.clickOn("#preset");
    robot.clickOn("Box (mean) blur");
    robot.clickOn("#size-5x5");
    waitForFxEvents();
    assertTrue(shape(robot).contains("width: ⌊(512 + 2·1 − 1·(5 − 1) − 1) / 1⌋ + 1 = 510"), shape(robot));

    robot.clickOn("#padding .text-field").push(KeyCode.CONTROL, KeyCode.A).write("2").type(KeyCode.ENTER);
    waitForFxEvents();
    assertTrue(shape(robot).contains("width: ⌊(512 + 2·2 − 1·(5 − 1) − 1) / 1⌋ + 1 = 512"), shape(robot));
    assertTrue(shape(robot).contains("output [1, 1, 512, 512]"), shape(robot));
    robot.type(KeyCode.UP);
    waitForFxEvents();
    assertTrue(shape(robot).contains("output [1, 1, 514, 514]"), shape(robot));
    assertFalse(robot.lookup("#lab-error").queryAs(Label.class).isVisible());

    robot.interact(() -> I18n.setLocale(Locale.SIMPLIFIED_CHINESE));
    assertTrue(shape(robot).contains("宽：⌊(512 + 2·3 − 1·(5 − 1) − 1) / 1⌋ + 1 = 514"), shape(robot));
  }

  @Test
  void theStepThroughWritesOutTheMultiplyAdd(FxRobot robot) {
    robot.clickOn("#source");
    robot.clickOn("d2l 6x8 black/white boundary");
    robot.clickOn("#preset");
    robot.clickOn("d2l edge detector [1, −1]");
    robot.clickOn("#padding .text-field").push(KeyCode.CONTROL, KeyCode.A).write("0").type(KeyCode.ENTER);
    robot.clickOn("#tab-step");
    robot.clickOn("#step-next");
    waitForFxEvents();
    String formula = robot.lookup("#step-formula").queryAs(Label.class).getText();
    assertTrue(formula.startsWith("y[0, 1] = 1·1 + 0·(-1) + 0 = 1"), formula);
  }
}
