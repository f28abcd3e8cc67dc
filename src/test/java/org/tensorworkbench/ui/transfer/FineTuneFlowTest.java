package org.tensorworkbench.ui.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.engine.io.ModelFile;
import org.tensorworkbench.engine.transfer.FineTuneExperiment.Side;
import org.tensorworkbench.engine.transfer.GroupMode;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.UiExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A student fine-tunes the shipped MNIST network on 40 clothes images for one epoch and sees both curves. */
@ExtendWith(ApplicationExtension.class)
class FineTuneFlowTest {
  private FineTunePane pane;

  @Start
  void start(Stage stage) {
    I18n.setLocale(Locale.ENGLISH);
    pane = new FineTunePane(new FineTuneViewModel(UiExecutor.direct(), Path.of("").toAbsolutePath()));
    stage.setScene(new Scene(pane.root(), 1200, 800));
    stage.show();
  }

  @AfterEach
  void backToEnglish(FxRobot robot) {
    robot.interact(() -> I18n.setLocale(Locale.ENGLISH));
  }

  @Test
  void fineTunesForOneEpochAndShowsBothCurves(FxRobot robot, @TempDir Path dir) throws Exception {
    waitForFxEvents();
    assertTrue(robot.lookup("#finetune-model-info").queryAs(Label.class).getText().contains("mnist"),
        "the shipped MNIST model is open");
    robot.interact(() -> {
      robot.lookup("#finetune-images").queryAs(TextField.class).setText("40");
      robot.lookup("#finetune-epochs").queryAs(TextField.class).setText("1");
      robot.lookup("#finetune-batch").queryAs(TextField.class).setText("20");
    });
    @SuppressWarnings("unchecked")
    ChoiceBox<GroupMode> conv1 = robot.lookup("#finetune-mode-conv1").queryAs(ChoiceBox.class);
    robot.interact(() -> conv1.setValue(GroupMode.FROZEN));
    assertTrue(robot.lookup("#finetune-factor-conv1").query().isDisabled(), "a frozen group has no factor");
    robot.clickOn("#finetune-train");
    WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS,
        () -> robot.lookup("#finetune-status").queryAs(Label.class).getText().startsWith("Done."));
    waitForFxEvents();
    FineTuneViewModel model = pane.model();
    for (Side side : Side.values()) {
      assertEquals(2, model.loss(side).size(), side + ": the loss of 2 minibatches");
      assertEquals(1, model.testAccuracy(side).size(), side + ": the test accuracy after the epoch");
    }
    String status = robot.lookup("#finetune-status").queryAs(Label.class).getText();
    assertTrue(status.contains("fine-tuned") && status.contains("from scratch") && status.contains("2,000 test images"),
        status);
    assertEquals("40 training and 2,000 test images, 10 classes",
        robot.lookup("#finetune-data").queryAs(Label.class).getText());
    assertTrue(!robot.lookup("#finetune-save").query().isDisabled(), "the fine-tuned model can be saved");

    Path file = dir.resolve("clothes" + ModelFile.EXTENSION);
    robot.interact(() -> model.save(file));
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(file));
    assertEquals(10, ModelFile.load(file).metadata().classNames().size());

    robot.interact(() -> I18n.setLocale(Locale.SIMPLIFIED_CHINESE));
    assertTrue(robot.lookup("#finetune-data").queryAs(Label.class).getText().contains("张训练图像"));
  }

  @Test
  void aFolderWithOneClassIsNamedInTheMessage(FxRobot robot, @TempDir Path dir) throws Exception {
    Path folder = dir.resolve("pets");
    Files.createDirectories(folder.resolve("cats"));
    Files.createDirectories(folder.resolve("dogs"));
    javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
        "png", folder.resolve("cats/a.png").toFile());
    waitForFxEvents();
    robot.interact(() -> {
      pane.model().taskProperty().set(FineTuneViewModel.Task.FOLDER);
      pane.model().folderProperty().set(folder);
      robot.lookup("#finetune-images").queryAs(TextField.class).setText("0");
    });
    robot.clickOn("#finetune-train");
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
        () -> !robot.lookup("#finetune-error").queryAs(Label.class).getText().isEmpty());
    String message = robot.lookup("#finetune-error").queryAs(Label.class).getText();
    assertTrue(message.contains("pets") && message.contains("only one class"), message);
    robot.interact(() -> I18n.setLocale(Locale.SIMPLIFIED_CHINESE));
    message = robot.lookup("#finetune-error").queryAs(Label.class).getText();
    assertTrue(message.contains("pets") && message.contains("只有一个类别"), message);
  }
}
