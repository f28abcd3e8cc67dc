package org.tensorworkbench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
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

/** A student opens the Generalization Lab, fits degrees 1, 3 and 19, and sees three fitted models. */
@ExtendWith(ApplicationExtension.class)
class GeneralizationLabFlowTest {
  private AppContext context;

  @Start
  void start(Stage stage) {
    I18n.setLocale(Locale.ENGLISH);
    context = new AppContext(UiExecutor.direct(), Path.of("").toAbsolutePath(), Path.of("target/test-workspace"));
    stage.setScene(new Scene(new ShellView(context).root(), 1280, 800));
    stage.show();
  }

  @Test
  void polynomialComparisonShowsThreeCurves(FxRobot robot) {
    robot.clickOn("#nav-generalization");
    waitForFxEvents();
    robot.interact(() -> robot.lookup("#poly-epochs").queryAs(TextField.class).setText("100"));
    robot.clickOn("#poly-run");
    waitForFxEvents();
    String summary = robot.lookup("#poly-summary").queryAs(Label.class).getText();
    for (int degree : new int[] {1, 3, 19}) {
      assertTrue(summary.contains("Degree " + degree + ":"), summary);
    }
    // three models, each with a train and a test line, and three fitted curves plus the true one
    var fit = robot.lookup("#poly-fit").query();
    assertEquals(4, ((java.util.List<?>) invoke(fit, "curves")).size());
    assertTrue(robot.lookup("#poly-loss").queryAs(CurveChart.class).isVisible());
  }

  @Test
  void lessonsCanPrepareAndReadTheLab(FxRobot robot) {
    GeneralizationView[] view = new GeneralizationView[1];
    robot.interact(() -> {
      view[0] = new GeneralizationView(context);
      view[0].applyPreset(Map.of("tab", "weight-decay", "degrees", "3", "lambda", "0,3"));
    });
    assertEquals("weight-decay", view[0].facts().get("tab"));
    // the lab opens with d2l's degrees 1, 3, 19 and λ 0, 1, 3, 10 fitted
    double cubic = (double) view[0].facts().get("polynomial.test.loss.3");
    double line = (double) view[0].facts().get("polynomial.test.loss.1");
    assertTrue(cubic < line, cubic + " < " + line);
    assertTrue(view[0].facts().containsKey("weight-decay.test.loss.3.0"), view[0].facts().toString());
    robot.interact(() -> view[0].applyPreset(Map.of("tab", "kfold", "folds", "4")));
    assertEquals("kfold", view[0].facts().get("tab"));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> view[0].applyPreset(Map.of("tab", "nowhere")));
  }

  private static Object invoke(Object target, String method) {
    try {
      var m = target.getClass().getDeclaredMethod(method);
      m.setAccessible(true);
      return m.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
