package org.tensorworkbench.ui.kernels;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.input.KeyCode;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.engine.lab.conv.ConvLab;
import org.tensorworkbench.engine.lab.conv.ConvLabRequest;
import org.tensorworkbench.engine.lab.conv.ConvParams;
import org.tensorworkbench.engine.lab.conv.KernelPreset;
import org.tensorworkbench.engine.lab.conv.SyntheticImage;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.FxUiExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class KernelLabFlowTest {

  private final FxUiExecutor executor = new FxUiExecutor();

  /** Loads ND4J and oneDNN before the stage is built, so the first computation is not the slow one. */
  @BeforeAll
  static void warmUpTheEngine() {
    ConvLab.run(ConvLabRequest.simple(SyntheticImage.BOUNDARY.create(), KernelPreset.SOBEL_X.build(3, 1),
        ConvParams.square(1, 1, 1)));
  }

  @Start
  void start(Stage stage) {
    I18n.setLocale(Locale.ENGLISH);
    AppContext context = new AppContext(executor, Path.of("").toAbsolutePath(), Path.of("target/test-workspace"));
    stage.setScene(new Scene(new KernelLabView(context).root(), 1100, 780));
    stage.show();
  }

  @AfterEach
  void backToEnglish(FxRobot robot) {
    robot.interact(() -> I18n.setLocale(Locale.ENGLISH));
    executor.shutdown();
  }

  private static String shape(FxRobot robot) {
    return robot.lookup("#output-shape").queryAs(Label.class).getText();
  }

  /** Waits for the background computation (latest wins) to show {@code text} in the label {@code id}. */
  private static void await(FxRobot robot, String id, String text) {
    try {
      WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
          () -> robot.lookup(id).queryAs(Label.class).getText().contains(text));
    } catch (TimeoutException e) {
      throw new AssertionError(id + " never showed \"" + text + "\" but: "
          + robot.lookup(id).queryAs(Label.class).getText(), e);
    }
  }

  @Test
  void pickingAPresetAndChangingThePaddingChangesTheOutputShape(FxRobot robot) {
    await(robot, "#output-shape", "width: ⌊(512 + 2·1 − 1·(3 − 1) − 1) / 1⌋ + 1 = 512");

    robot.clickOn("#preset");
    robot.clickOn("Box (mean) blur");
    robot.clickOn("#size-5x5");
    waitForFxEvents();
    await(robot, "#output-shape", "width: ⌊(512 + 2·1 − 1·(5 − 1) − 1) / 1⌋ + 1 = 510");

    robot.clickOn("#padding .text-field").push(KeyCode.CONTROL, KeyCode.A).write("2").type(KeyCode.ENTER);
    waitForFxEvents();
    await(robot, "#output-shape", "width: ⌊(512 + 2·2 − 1·(5 − 1) − 1) / 1⌋ + 1 = 512");
    await(robot, "#output-shape", "output [1, 1, 512, 512]");
    robot.type(KeyCode.UP);
    waitForFxEvents();
    await(robot, "#output-shape", "output [1, 1, 514, 514]");
    assertFalse(robot.lookup("#lab-error").queryAs(Label.class).isVisible());

    robot.interact(() -> I18n.setLocale(Locale.SIMPLIFIED_CHINESE));
    await(robot, "#output-shape", "宽：⌊(512 + 2·3 − 1·(5 − 1) − 1) / 1⌋ + 1 = 514");
  }

  @Test
  void theStepThroughWritesOutTheMultiplyAdd(FxRobot robot) {
    robot.clickOn("#source");
    robot.clickOn("d2l 6x8 black/white boundary");
    robot.clickOn("#preset");
    robot.clickOn("d2l edge detector [1, −1]");
    robot.clickOn("#padding .text-field").push(KeyCode.CONTROL, KeyCode.A).write("0").type(KeyCode.ENTER);
    await(robot, "#output-shape", "output [1, 1, 6, 7]");
    robot.clickOn("#tab-step");
    robot.clickOn("#step-next");
    waitForFxEvents();
    await(robot, "#step-formula", "y[0, 1] = 1·1 + 0·(-1) + 0 = 1");
  }
}
