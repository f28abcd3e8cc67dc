package org.tensorworkbench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tensorworkbench.engine.tune.Study;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.DesignHandoff;
import org.tensorworkbench.ui.common.FxUiExecutor;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.tuning.TuningView;
import org.tensorworkbench.ui.tuning.TuningViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Tuning Lab under Monocle: a bad range gives a message, then a tiny random search (MLP on 200
 * Fashion-MNIST images, 1 epoch per trial, budget 3) fills the trial table row by row, writes the
 * study folder, and "Train this configuration" hands the best trial to the Training screen.
 */
@ExtendWith(ApplicationExtension.class)
class TuningFlowTest {
  private final FxUiExecutor executor = new FxUiExecutor();
  private final DesignHandoff handoff = new DesignHandoff();
  private Path workspace;
  private TuningView view;

  @Start
  void start(Stage stage) throws IOException {
    I18n.setLocale(Locale.ENGLISH);
    workspace = Files.createTempDirectory("tuning-flow");
    AppContext context = new AppContext(executor, Path.of("").toAbsolutePath(), workspace);
    view = new TuningView(new TuningViewModel(executor, context.projectHome(), workspace.resolve("studies")), handoff);
    stage.setScene(new Scene((javafx.scene.Parent) view.root(), 1280, 800));
    stage.show();
  }

  @Test
  void aTinyRandomSearchFillsTheTableAndHandsTheBestToTraining(FxRobot robot) {
    TuningViewModel vm = view.model();
    TrainingFlowTest.type(robot, "tuning-train", "200");
    TrainingFlowTest.type(robot, "tuning-validation", "100");
    TrainingFlowTest.type(robot, "tuning-fixed-epochs", "1");
    TrainingFlowTest.type(robot, "tuning-budget", "3");
    TrainingFlowTest.type(robot, "tuning-name", "flow");
    robot.interact(() -> {
      robot.lookup("#tuning-search-batch").queryAs(CheckBox.class).setSelected(false);
      robot.lookup("#tuning-search-optimizer").queryAs(CheckBox.class).setSelected(false);
    });
    TrainingFlowTest.type(robot, "tuning-fixed-batch", "50");

    TrainingFlowTest.type(robot, "tuning-range-lr", "0..1");
    robot.clickOn("#tuning-start");
    String problem = robot.lookup("#tuning-problem").queryAs(Label.class).getText();
    assertTrue(problem.contains("log scale") && problem.contains("greater than 0"), problem);
    assertFalse(vm.runningProperty().get());

    TrainingFlowTest.type(robot, "tuning-range-lr", "0.01..0.5");
    robot.clickOn("#tuning-start");
    assertEquals("", robot.lookup("#tuning-problem").queryAs(Label.class).getText());
    TableView<?> table = robot.lookup("#tuning-trials").queryAs(TableView.class);
    TrainingFlowTest.waitFor(() -> table.getItems().size() >= 1, "the first row");
    TrainingFlowTest.waitFor(() -> !vm.runningProperty().get(), "the study to end");
    assertEquals(3, table.getItems().size());
    assertEquals(3, vm.trialsDone());
    Map<String, Object> facts = view.facts();
    assertEquals(3L, facts.get("trials.done"));
    assertTrue((Double) facts.get("best.accuracy") > 0.1);
    assertTrue(Files.isRegularFile(workspace.resolve("studies/flow").resolve(Study.RESULT)));
    assertTrue(robot.lookup("#tuning-status").queryAs(Label.class).getText().startsWith("Study complete"));

    robot.clickOn("#tuning-train-best");
    TrainingFlowTest.waitFor(() -> handoff.latestProperty().get() != null, "the hand-off to Training");
    assertEquals(50, handoff.latestConfig().orElseThrow().batchSize());
    assertEquals(1, handoff.latestConfig().orElseThrow().epochs());

    robot.interact(() -> view.applyPreset(Map.of("method", "hyperband")));
    assertEquals("hyperband", view.facts().get("method"));
  }
}
