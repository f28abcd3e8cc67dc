package org.tensorworkbench.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
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

/** A person opens the Normalization Lab, edits the batch and γ, compares groups, and breaks the stream. */
@ExtendWith(ApplicationExtension.class)
class NormLabFlowTest {

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
  void batchNormStepsFollowTheInput(FxRobot robot) {
    robot.clickOn("#nav-norm");
    waitForFxEvents();
    TensorCanvas out = robot.lookup("#bn-output").queryAs(TensorCanvas.class);
    assertArrayEquals(new int[] {4, 3, 2, 2}, out.tensor().shape());
    GridPane stats = robot.lookup("#bn-stats").queryAs(GridPane.class);
    assertEquals(1 + 3, stats.getChildren().stream().mapToInt(n -> GridPane.getRowIndex(n) == null ? 0
        : GridPane.getRowIndex(n)).max().orElse(0) + 1, "a header and one row per channel");

    robot.interact(() -> robot.lookup("#bn-shape").queryAs(TextField.class).setText("6, 2"));
    robot.interact(() -> robot.lookup("#bn-means").queryAs(TextField.class).setText("1, -1"));
    robot.interact(() -> robot.lookup("#bn-stds").queryAs(TextField.class).setText("1"));
    waitForFxEvents();
    assertArrayEquals(new int[] {6, 2}, out.tensor().shape());

    robot.interact(() -> robot.lookup("#bn-gamma").queryAs(TextField.class).setText("1, 2, 3"));
    waitForFxEvents();
    assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream()
        .anyMatch(l -> l.isVisible() && l.getText().contains("must list 2 numbers")), "a clear message for 3 values of γ");
  }

  @Test
  void pointingAtACellNamesBothGroups(FxRobot robot) {
    robot.clickOn("#nav-norm");
    robot.clickOn("#tab-norm-compare .tab-label");
    waitForFxEvents();
    Node batch = robot.lookup("#compare-batch").query();
    robot.moveTo(batch, javafx.geometry.Pos.TOP_LEFT, new javafx.geometry.Point2D(15, 40),
        org.testfx.robot.Motion.DIRECT); // inside the first cell, X[0, 0, 0, 0]
    waitForFxEvents();
    String text = robot.lookup("#compare-pointer").queryAs(Label.class).getText();
    assertTrue(text.contains("BatchNorm: channel") && text.contains("LayerNorm: sample"), text);
    assertTrue(text.startsWith("X[0, 0, 0, 0]"), text);
    assertTrue(text.contains("mean over 16 values") && text.contains("mean over 12 values"), text);
  }

  @Test
  void runningStatisticsRejectATooSmallBatch(FxRobot robot) {
    robot.clickOn("#nav-norm");
    robot.clickOn("#tab-norm-running .tab-label");
    waitForFxEvents();
    assertEquals(3, robot.lookup("#running-mean-chart").queryAs(javafx.scene.chart.LineChart.class).getData().size());
    robot.interact(() -> robot.lookup("#running-batch").queryAs(TextField.class).setText("1"));
    waitForFxEvents();
    assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream()
        .anyMatch(l -> l.isVisible() && l.getText().contains("at least 2 values")));
    robot.interact(() -> I18n.setLocale(Locale.SIMPLIFIED_CHINESE));
    assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream()
        .anyMatch(l -> l.isVisible() && l.getText().contains("至少需要 2 个值")), "the error follows the language");
  }

  @Test
  void trainsLeNetAgainstLeNetBnAndUsesTheTrainedLeNetForTheSteps(FxRobot robot) throws Exception {
    robot.clickOn("#nav-norm");
    robot.clickOn("#tab-norm-experiment .tab-label");
    waitForFxEvents();
    assertTrue(robot.lookup("#norm-experiment-explain").queryAs(Label.class).getText().contains("LeNet-BN"));
    robot.interact(() -> {
      robot.lookup("#norm-experiment-images").queryAs(TextField.class).setText("256");
      robot.lookup("#norm-experiment-epochs").queryAs(TextField.class).setText("1");
      robot.lookup("#norm-experiment-batch").queryAs(TextField.class).setText("64");
    });
    Label phase = robot.lookup("#norm-experiment-phase").queryAs(Label.class);
    robot.clickOn("#norm-experiment-start");
    // until the comparison has ended, whichever way: a failed run then fails with its reason, not a
    // timeout. The label is read on the FX thread: a lookup from this thread walked the scene while
    // the chart added its points and failed now and then (IndexOutOfBoundsException)
    java.util.Set<String> ended = java.util.Set.of("Both runs finished.", "Stopped.", "A run failed.");
    org.testfx.util.WaitForAsyncUtils.waitFor(180, java.util.concurrent.TimeUnit.SECONDS,
        () -> org.testfx.util.WaitForAsyncUtils.asyncFx(() -> ended.contains(phase.getText())).get());
    waitForFxEvents();
    assertEquals("Both runs finished.", robot.lookup("#norm-experiment-phase").queryAs(Label.class).getText(),
        () -> "the run's messages: " + robot.lookup(".label").queryAllAs(Label.class).stream()
            .filter(Node::isVisible).map(Label::getText).filter(t -> t != null && !t.isBlank()).toList());
    assertTrue(!robot.lookup("#norm-experiment-result-lenet-bn").queryAs(Label.class).getText().isEmpty());
    @SuppressWarnings("unchecked")
    javafx.scene.chart.LineChart<Number, Number> chart = robot.lookup("#norm-experiment-chart").queryAs(javafx.scene.chart.LineChart.class);
    assertEquals(6, chart.getData().size(), "loss, train and test accuracy of both networks");
    assertEquals(4, chart.getData().get(0).getData().size(), "LeNet's loss of 4 minibatches");
    assertEquals(4, chart.getData().get(1).getData().size(), "LeNet-BN's loss of 4 minibatches");
    assertTrue(robot.lookup("#norm-experiment-result-lenet").queryAs(Label.class).getText().startsWith("LeNet: loss"));

    robot.clickOn("#tab-norm-steps .tab-label");
    robot.interact(() -> robot.lookup("#bn-source").queryAs(javafx.scene.control.ChoiceBox.class)
        .getSelectionModel().select(1));
    waitForFxEvents();
    String weights = robot.lookup("#bn-lenet-weights").queryAs(Label.class).getText();
    assertTrue(weights.startsWith("Weights: LeNet trained") && weights.contains("256 images"), weights);
    TensorCanvas out = robot.lookup("#bn-output").queryAs(TensorCanvas.class);
    assertEquals(6, out.tensor().shape()[1], "LeNet's six feature maps");
  }
}
