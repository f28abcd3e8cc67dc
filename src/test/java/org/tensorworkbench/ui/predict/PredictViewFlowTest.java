package org.tensorworkbench.ui.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.engine.export.ExportFormat;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.UiExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Predict panel under Monocle: open a model, choose a picture, read the top 5, export, in both languages. */
@ExtendWith(ApplicationExtension.class)
class PredictViewFlowTest {
  @TempDir
  static Path dir;
  private static Path model;
  private static Path image;

  @BeforeAll
  static void files() throws Exception {
    model = PredictFixtures.trainedModel(dir);
    image = PredictFixtures.testImagePng(dir, 0);
  }

  @Start
  void start(Stage stage) {
    PredictDialogs answers = new PredictDialogs() {
      @Override
      public Optional<Path> chooseModel(Window owner) {
        return Optional.of(model);
      }

      @Override
      public Optional<Path> chooseImage(Window owner) {
        return Optional.of(image);
      }

      @Override
      public Optional<Path> chooseExport(Window owner, ExportFormat format, String suggestedName) {
        return Optional.of(dir.resolve(suggestedName + format.extension()));
      }
    };
    PredictView view = new PredictView(new PredictViewModel(UiExecutor.direct(), m -> { }), answers);
    stage.setScene(new Scene(view.root(), 900, 560));
    stage.show();
  }

  @AfterEach
  void english(FxRobot robot) {
    robot.interact(() -> I18n.setLocale(Locale.ENGLISH));
  }

  @Test
  void aChosenPictureShowsAsTheModelSeesItWithTheTopFiveClasses(FxRobot robot) {
    robot.clickOn("#predict-open");
    waitForFxEvents();
    assertEquals("fashion.twmodel: input [N, 1, 28, 28]", robot.lookup("#predict-title").queryAs(Label.class).getText());
    robot.clickOn("#predict-choose-image");
    waitForFxEvents();
    assertNotNull(robot.lookup("#predict-preview").queryAs(ImageView.class).getImage());
    assertEquals(28, robot.lookup("#predict-preview").queryAs(ImageView.class).getImage().getWidth());
    GridPane table = robot.lookup("#predict-table").queryAs(GridPane.class);
    assertEquals(15, table.getChildren().size(), "5 rows of class, bar and probability");
    List<String> classes = table.getChildren().stream().filter(n -> n.getStyleClass().contains("predict-class"))
        .map(n -> ((Label) n).getText()).toList();
    assertTrue(PredictFixtures.FASHION.classNames().containsAll(classes), classes.toString());
    assertTrue(robot.lookup("#predict-status").queryAs(Label.class).getText().startsWith("Predicted test0.png"));

    robot.interact(() -> I18n.setLocale(Locale.SIMPLIFIED_CHINESE));
    assertEquals("已预测 test0.png。", robot.lookup("#predict-status").queryAs(Label.class).getText());
  }

  @Test
  void theOpenedModelExportsToBothFormats(FxRobot robot) {
    robot.clickOn("#predict-open");
    waitForFxEvents();
    robot.clickOn("#predict-export-onnx");
    waitForFxEvents();
    assertTrue(Files.exists(dir.resolve("fashion.onnx")));
    robot.clickOn("#predict-export-pytorch");
    waitForFxEvents();
    assertTrue(Files.exists(dir.resolve("fashion.py")));
    assertTrue(Files.exists(dir.resolve("fashion.npz")));
    assertEquals("Exported fashion.py, fashion.npz.", robot.lookup("#predict-status").queryAs(Label.class).getText());
  }
}
