package org.tensorworkbench.ui.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tensorworkbench.engine.lab.playground.PlaygroundDataset;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.FxUiExecutor;
import org.tensorworkbench.ui.common.I18n;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A student picks XOR, presses Play, and watches the network learn it; then a lesson preset and its facts. */
@ExtendWith(ApplicationExtension.class)
class PlaygroundFlowTest {
  private final FxUiExecutor executor = new FxUiExecutor();
  private PlaygroundView view;

  @Start
  void start(Stage stage) {
    I18n.setLocale(Locale.ENGLISH);
    view = new PlaygroundView(new AppContext(executor, Path.of("").toAbsolutePath(), Path.of("target/test-workspace")));
    stage.setScene(new Scene(view.root(), 1200, 800));
    stage.show();
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(() -> view.playground().pause());
    executor.shutdown();
  }

  @Test
  @SuppressWarnings("unchecked")
  void trainsXorToNinetyFivePercentAndTheBoundaryChanges(FxRobot robot) throws Exception {
    robot.interact(() -> robot.lookup("#playground-dataset").queryAs(ComboBox.class).setValue(PlaygroundDataset.XOR));
    robot.interact(() -> robot.lookup("#playground-noise").queryAs(Slider.class).setValue(0));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.facts().containsKey("test.accuracy"));
    PlaneCanvas plane = robot.lookup("#playground-plane").queryAs(PlaneCanvas.class);
    int[] before = pixels(robot, plane);
    robot.clickOn("#playground-play");
    // a bound so that a broken build fails instead of hanging; the loop ends as soon as it passes
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
      Object accuracy = facts(robot).get("test.accuracy");
      return accuracy instanceof Double a && a >= 0.95;
    });
    robot.clickOn("#playground-play"); // pause
    WaitForAsyncUtils.waitForFxEvents();
    Map<String, Object> facts = facts(robot);
    // a few more steps can run between the wait and the pause; they may move it a little
    assertTrue((Double) facts.get("test.accuracy") >= 0.9, facts.toString());
    assertTrue((Long) facts.get("steps") > 0);
    int[] after = pixels(robot, plane);
    int changed = 0;
    for (int i = 0; i < before.length; i++) {
      changed += before[i] != after[i] ? 1 : 0;
    }
    assertTrue(changed > before.length / 4, "the boundary changed in " + changed + " of " + before.length + " pixels");
    assertFalse(view.playground().runningProperty().get());
  }

  @Test
  void aLessonPresetOpensTheInitializationTabAndSetsTheNetwork(FxRobot robot) {
    robot.interact(() -> view.applyPreset(Map.of("tab", "initialization", "dataset", "circles", "layers", "4,2",
        "activation", "tanh", "features", "x1^2,x2^2", "lr", "0.1")));
    WaitForAsyncUtils.waitForFxEvents();
    PlaygroundViewModel vm = view.playground();
    assertEquals("4, 2", vm.layersProperty().get());
    assertEquals(0.1, vm.learningRateProperty().get());
    assertEquals(2, vm.features().size());
    assertEquals(PlaygroundDataset.CIRCLES, vm.datasetProperty().get());
    assertTrue(robot.lookup("#init-pane").query().isVisible());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> view.applyPreset(Map.of("depth", "3")));
    assertTrue(e.getMessage().startsWith("depth"), e.getMessage());
  }

  private Map<String, Object> facts(FxRobot robot) throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> view.facts()).get();
  }

  private static int[] pixels(FxRobot robot, PlaneCanvas plane) throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> {
      WritableImage image = plane.boundaryImage();
      int w = (int) image.getWidth();
      int h = (int) image.getHeight();
      int[] argb = new int[w * h];
      image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
      return argb;
    }).get();
  }
}
