package org.tensorworkbench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.io.ModelFile;
import org.tensorworkbench.ui.common.FxUiExecutor;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.training.FilePicker;
import org.tensorworkbench.ui.training.NetworkChoice;
import org.tensorworkbench.ui.training.Phase;
import org.tensorworkbench.ui.training.TrainingView;
import org.tensorworkbench.ui.training.TrainingViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Training screen under Monocle: softmax regression on 1,000 Fashion-MNIST images for one
 * epoch with the curves filling, then a longer run paused, resumed and stopped by its buttons and
 * keys, the model saved and reopened.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingFlowTest {
  private final FxUiExecutor executor = new FxUiExecutor();
  private Path workspace;
  private Path modelFile;
  private TrainingView view;

  @Start
  void start(Stage stage) throws IOException {
    I18n.setLocale(Locale.ENGLISH);
    workspace = Files.createTempDirectory("training-flow");
    modelFile = workspace.resolve("models").resolve("flow.twmodel");
    AppContext context = new AppContext(executor, Path.of("").toAbsolutePath(), workspace);
    view = new TrainingView(context, new FilePicker() {
      @Override
      public Optional<Path> open(Window owner, Kind kind, Path folder) {
        return Optional.of(modelFile);
      }

      @Override
      public Optional<Path> save(Window owner, Kind kind, Path folder, String suggestedName) {
        return Optional.of(modelFile);
      }
    });
    stage.setScene(new Scene(view.root(), 1280, 800));
    stage.show();
  }

  @AfterEach
  void stop() {
    view.model().dispose();
  }

  /**
   * Polls {@code condition} on the FX thread until it holds (4 minutes at most: the machine is
   * shared); on a timeout the failure says where the run was and what its threads were doing.
   */
  static void waitFor(BooleanSupplier condition, String what) {
    waitFor(condition, what, TrainingFlowTest::threads);
  }

  private void await(BooleanSupplier condition, String what) {
    waitFor(condition, what, this::whereTheRunIs);
  }

  static void waitFor(BooleanSupplier condition, String what, Supplier<String> whereItIs) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (true) {
      boolean[] met = new boolean[1];
      try {
        WaitForAsyncUtils.asyncFx(() -> met[0] = condition.getAsBoolean()).get();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      if (met[0]) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what + "; " + whereItIs.get());
      }
      WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
    }
  }

  private String whereTheRunIs() {
    StringBuilder out = new StringBuilder();
    try {
      WaitForAsyncUtils.asyncFx(() -> {
        TrainingViewModel vm = view.model();
        out.append("phase ").append(vm.phaseProperty().get())
            .append(", losses ").append(vm.curvesProperty().get().loss().added())
            .append(", status ").append(vm.statusProperty().get());
      }).get();
    } catch (Exception e) {
      out.append("the FX thread did not answer: ").append(e);
    }
    return out.append(threads()).toString();
  }

  /** The stacks of the FX, training and data threads. */
  static String threads() {
    StringBuilder out = new StringBuilder();
    for (var entry : Thread.getAllStackTraces().entrySet()) {
      String name = entry.getKey().getName();
      if (name.startsWith("training") || name.startsWith("JavaFX") || name.startsWith("augment") || name.startsWith("direct")) {
        out.append("\n").append(name).append(' ').append(entry.getKey().getState());
        for (StackTraceElement frame : entry.getValue()) {
          out.append("\n    at ").append(frame);
        }
      }
    }
    return out.toString();
  }

  static void type(FxRobot robot, String id, String text) {
    robot.interact(() -> robot.lookup("#" + id).queryAs(TextField.class).setText(text));
  }

  @Test
  void trainsPausesResumesStopsSavesAndReopens(FxRobot robot) throws Exception {
    TrainingViewModel vm = view.model();
    assertEquals("softmax-regression", vm.setup().networkProperty().get().name());
    assertEquals(DatasetRegistry.FASHION_MNIST, vm.setup().datasetProperty().get());
    type(robot, "training-limit", "1000");
    type(robot, "training-test-limit", "500");
    type(robot, "training-batch", "50");
    type(robot, "training-epochs", "1");

    robot.clickOn("#training-start");
    await(() -> vm.curvesProperty().get().loss().size() > 0, "the first loss points");
    await(() -> vm.phaseProperty().get() == Phase.FINISHED, "the epoch to finish");
    assertEquals(20, vm.curvesProperty().get().loss().added());
    assertEquals(1, vm.curvesProperty().get().testAccuracy().size());
    assertTrue(vm.curvesProperty().get().bestTestAccuracy() > 0.3);
    await(() -> vm.history().runs().size() == 1, "the run in the history");

    // long enough that it cannot end by itself before the stop: the direct path trains this
    // softmax regression at ~200,000 images/s once the JIT is warm, 100 epochs of 1,000 in ~1 s
    type(robot, "training-epochs", "10000");
    type(robot, "training-batch", "10");
    robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    await(() -> vm.phaseProperty().get() == Phase.RUNNING && vm.curvesProperty().get().loss().size() > 3,
        "a second run");
    robot.clickOn("#training-pause");
    await(() -> vm.phaseProperty().get() == Phase.PAUSED, "pause");
    assertEquals("Resume", robot.lookup("#training-pause").queryButton().getText());
    long paused = vm.curvesProperty().get().loss().added();
    WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
    assertTrue(vm.curvesProperty().get().loss().added() <= paused + 1, "no training while paused");
    robot.push(KeyCode.F8);
    await(() -> vm.phaseProperty().get() == Phase.RUNNING
        && vm.curvesProperty().get().loss().added() > paused + 2, "resume");
    robot.clickOn("#training-stop");
    await(() -> vm.phaseProperty().get() == Phase.STOPPED, "stop");
    assertTrue(vm.statusProperty().get().epoch() < 10_000, "stopped before the last epoch");
    await(() -> vm.history().runs().size() == 2, "the stopped run in the history");

    robot.clickOn("#training-save");
    await(() -> Files.isRegularFile(modelFile) && vm.modelSavedProperty().get() != null, "the saved model");
    assertTrue(ModelFile.load(modelFile).metadata().classNames().contains("Ankle boot"));
    Object before = vm.resultsProperty().get();
    robot.clickOn("#training-open-model");
    await(() -> vm.setup().networkProperty().get().kind() == NetworkChoice.Kind.MODEL, "the reopened model");
    assertEquals("Trained model: flow.twmodel", vm.setup().networkProperty().get().label());
    assertTrue(robot.lookup("#training-notice").queryAs(Label.class).getText().startsWith("Opened flow.twmodel"));
    assertEquals(10, vm.setup().configProperty().get().batchSize());
    await(() -> vm.resultsProperty().get() != before, "the reopened model's test results");
    assertEquals(500, vm.resultsProperty().get().count());
    robot.clickOn("#training-tab-results");
    await(() -> !robot.lookup("#misclassified-gallery").queryAs(FlowPane.class).getChildren().isEmpty(),
        "the misclassified gallery");
  }

  @Test
  void theInsideTabDrawsTheLastSnapshotOfARunWatchedOnAnotherTab(FxRobot robot) {
    TrainingViewModel vm = view.model();
    type(robot, "training-limit", "1000");
    type(robot, "training-test-limit", "500");
    type(robot, "training-batch", "50");
    type(robot, "training-epochs", "1");
    robot.clickOn("#training-start"); // the Curves tab is selected
    await(() -> vm.phaseProperty().get() == Phase.FINISHED, "the epoch to finish");
    robot.clickOn("#training-tab-inside");
    await(() -> robot.lookup(".label").queryAllAs(Label.class).stream()
        .anyMatch(l -> l.getText().equals("Inside the model after iteration 20")), "the last snapshot, iteration 20, on the Inside tab");
  }
}
