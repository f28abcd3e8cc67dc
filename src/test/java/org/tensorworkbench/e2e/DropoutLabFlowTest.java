package org.tensorworkbench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.generalization.GeneralizationView;
import org.tensorworkbench.ui.shell.ShellView;
import org.tensorworkbench.ui.training.CurveChart;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A student opens the dropout tab, trains the MLP with and without dropout for one short epoch
 * on a tiny subset, and sees both accuracy curves, both gaps and the mask of one minibatch.
 */
@ExtendWith(ApplicationExtension.class)
class DropoutLabFlowTest {
  private AppContext context;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    I18n.setLocale(Locale.ENGLISH);
    context = new AppContext(UiExecutor.direct(), Path.of("").toAbsolutePath(), Path.of("target/test-workspace"));
    stage.setScene(new Scene(new ShellView(context).root(), 1280, 800));
    stage.show();
  }

  @Test
  void withAndWithoutDropoutGiveTwoCurvesAndTheMaskPanelShowsOneMinibatch(FxRobot robot) throws Exception {
    robot.clickOn("#nav-generalization");
    robot.clickOn("#tab-generalization-dropout");
    waitForFxEvents();
    robot.interact(() -> {
      robot.lookup("#dropout-images").queryAs(TextField.class).setText("512");
      robot.lookup("#dropout-epochs").queryAs(TextField.class).setText("1");
    });
    List<Label> results = List.of(robot.lookup("#dropout-result-with").queryAs(Label.class),
        robot.lookup("#dropout-result-without").queryAs(Label.class),
        robot.lookup("#dropout-mask-summary").queryAs(Label.class));
    robot.clickOn("#dropout-start");
    // read on the FX thread: a lookup from this thread walks the scene while the charts add points
    WaitForAsyncUtils.waitFor(3, TimeUnit.MINUTES,
        () -> WaitForAsyncUtils.asyncFx(() -> results.stream().noneMatch(l -> l.getText().isEmpty())).get());
    waitForFxEvents();
    for (String id : List.of("#dropout-chart-with", "#dropout-chart-without")) {
      List<?> lines = (List<?>) field(robot.lookup(id).queryAs(CurveChart.class), "lines");
      assertEquals(2, lines.size(), id + ": a train and a test line");
    }
    String with = robot.lookup("#dropout-result-with").queryAs(Label.class).getText();
    assertTrue(with.startsWith("With dropout: train") && with.contains("gap"), with);
    String mask = robot.lookup("#dropout-mask-summary").queryAs(Label.class).getText();
    assertTrue(mask.contains("of 2048 values were dropped") || mask.contains("of 2,048 values were dropped"), mask);
    assertEquals("Done.", robot.lookup("#dropout-phase").queryAs(Label.class).getText());
    assertFalse(robot.lookup("#dropout-start").queryButton().isDisabled());
  }

  @Test
  void lessonsPresetTheDropoutTabAndReadTheGaps(FxRobot robot) throws Exception {
    GeneralizationView[] view = new GeneralizationView[1];
    robot.interact(() -> {
      view[0] = new GeneralizationView(context);
      stage.setScene(new Scene(view[0].root(), 1280, 800));
      view[0].applyPreset(Map.of("tab", "dropout", "p1", "0.3", "p2", "0.6", "dropout.images", "300",
          "dropout.epochs", "1"));
    });
    waitForFxEvents();
    assertEquals("dropout", view[0].facts().get("tab"));
    assertFalse(view[0].facts().containsKey("dropout.gap.with"), "nothing trained yet");
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> view[0].applyPreset(Map.of("p2", "1.0")));
    assertEquals("0.3", robot.lookup("#dropout-p1").queryAs(TextField.class).getText());
    robot.clickOn("#dropout-start");
    WaitForAsyncUtils.waitFor(3, TimeUnit.MINUTES, () -> view[0].facts().containsKey("dropout.mask.share"));
    Map<String, Object> facts = view[0].facts();
    assertEquals(0.3, facts.get("dropout.p1"));
    assertEquals(0.6, facts.get("dropout.p2"));
    assertEquals(1, facts.get("dropout.epochs"));
    assertTrue(facts.containsKey("dropout.gap.with") && facts.containsKey("dropout.gap.without"), facts.toString());
  }

  private static Object field(Object target, String name) {
    try {
      var f = target.getClass().getDeclaredField(name);
      f.setAccessible(true);
      return f.get(target);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
