package org.tensorworkbench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.shell.ShellView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A person opens the Transfer Lab, adds augmentations, sees the grid change, and compares two short runs. */
@ExtendWith(ApplicationExtension.class)
class AugmentationFlowTest {

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
  void addingAnOperationRedrawsTheGridAndBadValuesAreExplained(FxRobot robot) {
    robot.clickOn("#nav-transfer");
    waitForFxEvents();
    GridPane grid = robot.lookup("#augment-grid").queryAs(GridPane.class);
    assertEquals(16, grid.getChildren().size());
    List<Integer> before = fingerprints(grid);
    assertTrue(before.stream().distinct().count() > 1, "16 different versions");

    add(robot, "augment-add-cutout");
    waitForFxEvents();
    assertEquals(16, grid.getChildren().size());
    assertNotEquals(before, fingerprints(grid), "the new step changes the pictures");
    assertTrue(robot.lookup("#augment-param-size").tryQuery().isPresent(), "the new step's parameters are shown");

    robot.clickOn("#augment-probability").eraseText(5).write("1.5").type(javafx.scene.input.KeyCode.ENTER);
    waitForFxEvents();
    Label error = robot.lookup("#augment-error").queryAs(Label.class);
    assertTrue(error.isVisible() && error.getText().contains("must lie between 0 and 1"), error.getText());

    List<Integer> shown = fingerprints(grid);
    robot.clickOn("#augment-new-samples");
    waitForFxEvents();
    assertNotEquals(shown, fingerprints(grid), "new samples draw new choices");
  }

  @Test
  void aShortComparisonShowsBothRuns(FxRobot robot) throws Exception {
    robot.clickOn("#nav-transfer");
    waitForFxEvents();
    robot.interact(() -> {
      robot.lookup("#augment-compare-network").queryAs(javafx.scene.control.ComboBox.class).setValue("lenet");
      robot.lookup("#augment-compare-images").queryAs(TextField.class).setText("200");
      robot.lookup("#augment-compare-epochs").queryAs(TextField.class).setText("2");
      robot.lookup("#augment-compare-batch").queryAs(TextField.class).setText("50");
    });
    robot.interact(() -> robot.lookup("#augment-compare-start").queryButton().fire());
    Label phase = robot.lookup("#augment-compare-phase").queryAs(Label.class);
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> phase.getText().equals("Done") || phase.getText().equals("Failed"));
    waitForFxEvents();
    assertEquals("Done", phase.getText(), robot.lookup("#augment-compare-error").queryAs(Label.class).getText());
    for (String run : new String[] {"plain", "augmented"}) {
      String result = robot.lookup("#augment-compare-result-" + run).queryAs(Label.class).getText();
      assertTrue(result.startsWith("Epoch 2: train") && result.contains("gap"), result);
    }
  }

  private static void add(FxRobot robot, String id) {
    MenuButton add = robot.lookup("#augment-add").queryAs(MenuButton.class);
    MenuItem item = add.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    robot.interact(item::fire);
  }

  private static List<Integer> fingerprints(GridPane grid) {
    return grid.getChildren().stream().map(n -> {
      Image image = ((ImageView) n).getImage();
      int w = (int) image.getWidth();
      int h = (int) image.getHeight();
      int[] argb = new int[w * h];
      image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
      return Arrays.hashCode(argb);
    }).toList();
  }
}
