package org.tensorworkbench.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.TilePane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.engine.data.DatasetInfo;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.shell.ShellView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Datasets screen in the real shell, headless under Monocle. */
@ExtendWith(ApplicationExtension.class)
class DatasetsViewTest {

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
  void showsMnistSamplesWithTheirLabels(FxRobot robot) {
    robot.clickOn("#nav-datasets");
    waitForFxEvents();
    assertEquals("MNIST", robot.lookup("#dataset-title").queryAs(Label.class).getText());
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      labels.add(robot.lookup("#sample-label-" + i).queryAs(Label.class).getText());
    }
    assertEquals(List.of("5", "0", "4", "1", "9", "2", "1", "3", "1", "4"), labels);
    assertEquals(DatasetsViewModel.SAMPLE_IMAGES, robot.lookup("#dataset-samples").queryAs(TilePane.class).getChildren().size());
    assertEquals("60,000 / 0 / 10,000", robot.lookup("#dataset-fact-sizes").queryAs(Label.class).getText());
    assertTrue(robot.lookup("#dataset-fact-normalization").queryAs(Label.class).getText().contains("255"));
    assertFalse(robot.lookup("#dataset-error").queryAs(Label.class).isVisible());
  }

  @Test
  void housingShowsATableAndScatterAndChineseLabels(FxRobot robot) {
    robot.clickOn("#nav-datasets");
    @SuppressWarnings("unchecked")
    ListView<DatasetInfo> list = robot.lookup("#datasets-list").queryAs(ListView.class);
    robot.interact(() -> list.getSelectionModel().select(
        list.getItems().stream().filter(d -> d.name().equals("housing")).findFirst().orElseThrow()));
    waitForFxEvents();
    TableView<?> table = robot.lookup("#dataset-table").queryAs(TableView.class);
    assertEquals(13, table.getColumns().size());
    assertEquals("MEDV", table.getColumns().get(12).getText());
    assertEquals(DatasetsViewModel.TABLE_ROWS, table.getItems().size());
    assertTrue(robot.lookup("#dataset-scatter").queryAs(Canvas.class).isVisible());
    robot.interact(() -> I18n.setLocale(Locale.SIMPLIFIED_CHINESE));
    waitForFxEvents();
    assertEquals("波士顿房价", robot.lookup("#dataset-title").queryAs(Label.class).getText());
    assertTrue(robot.lookup("#dataset-fact-normalization").queryAs(Label.class).getText().contains("标准差"));
  }
}
