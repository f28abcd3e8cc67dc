package org.tensorworkbench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.workspace.Settings;
import org.tensorworkbench.engine.spec.Templates;
import org.tensorworkbench.ui.common.Appearance;
import org.tensorworkbench.ui.common.DesignHandoff;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.shell.ShellView;
import org.tensorworkbench.ui.shell.ShellViewModel;
import org.tensorworkbench.ui.shell.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The main window under Monocle: navigation, language, zoom, settings and the engine status. */
@ExtendWith(ApplicationExtension.class)
class ShellFlowTest {
  private static final Path WORKSPACE = Path.of("target/test-workspace").toAbsolutePath();

  private final List<Settings> stored = new ArrayList<>();
  private ShellView shell;
  private AppContext context;
  private Parent root;

  @Start
  void start(Stage stage) {
    Settings settings = Settings.defaults(Path.of(System.getProperty("user.home")))
        .withLanguage(Locale.ENGLISH)
        .withWorkspaceFolder(WORKSPACE)
        .withLastWorkspace("builder");
    ShellViewModel model = new ShellViewModel(settings, Locale.ENGLISH, stored::add);
    context = new AppContext(UiExecutor.direct(), Path.of("").toAbsolutePath(), WORKSPACE);
    shell = new ShellView(context, model);
    root = shell.root();
    stage.setScene(new Scene(root, 1000, 700));
    stage.show();
  }

  @AfterEach
  void backToEnglishAt100(FxRobot robot) {
    robot.interact(() -> {
      I18n.setLocale(Locale.ENGLISH);
      Appearance.setZoomPercent(100);
    });
  }

  @Test
  void everyWorkspaceIsReachableFromTheNavigation(FxRobot robot) {
    for (Workspace w : Workspace.values()) {
      robot.clickOn("#nav-" + w.id());
      waitForFxEvents();
      assertTrue(robot.lookup("#nav-" + w.id()).queryAs(ToggleButton.class).isSelected());
      assertEquals(1, robot.lookup(".workspace-area").queryAs(javafx.scene.layout.StackPane.class).getChildren().size());
      Node shown = robot.lookup(".workspace-area").queryAs(javafx.scene.layout.StackPane.class).getChildren().get(0);
      assertTrue(shown.isVisible() && shown.getScene() != null, w + " is on screen");
    }
  }

  @Test
  void everyWorkspaceIsReachableByKeyboard(FxRobot robot) {
    robot.push(KeyCode.CONTROL, KeyCode.DIGIT5);
    assertTrue(robot.lookup("#nav-tensors").queryAs(ToggleButton.class).isSelected());
    robot.push(KeyCode.CONTROL, KeyCode.DIGIT9);
    assertTrue(robot.lookup("#nav-tuning").queryAs(ToggleButton.class).isSelected());
    robot.clickOn("#nav-datasets");
    assertTrue(robot.lookup("#nav-datasets").queryAs(ToggleButton.class).isSelected());
    robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
    assertTrue(robot.lookup("#nav-builder").queryAs(ToggleButton.class).isSelected());
    robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
    assertTrue(robot.lookup("#nav-learn").queryAs(ToggleButton.class).isSelected());
    assertEquals("learn", stored.get(stored.size() - 1).lastWorkspace(), "the workspace chosen is remembered");
  }

  @Test
  void clickingTheSelectedWorkspaceKeepsItSelected(FxRobot robot) {
    robot.clickOn("#nav-builder");
    robot.clickOn("#nav-builder");
    assertTrue(robot.lookup("#nav-builder").queryAs(ToggleButton.class).isSelected());
  }

  @Test
  void trainThisNetworkInTheBuilderOpensTheTrainingScreenWithTheDesign(FxRobot robot) {
    robot.interact(() -> DesignHandoff.of(context).publish(Templates.load("mlp").withName("handed over")));
    waitForFxEvents();
    assertTrue(robot.lookup("#nav-training").queryAs(ToggleButton.class).isSelected());
    javafx.scene.control.ComboBox<?> network = robot.lookup("#training-network").queryAs(javafx.scene.control.ComboBox.class);
    assertEquals("From the builder: handed over", network.getValue().toString());
  }

  @Test
  void trainThisConfigurationFromTheTuningLabFillsTheTrainingSettings(FxRobot robot) {
    org.tensorworkbench.engine.train.TrainingConfig config = org.tensorworkbench.engine.train.TrainingConfig.defaults()
        .withLearningRate(0.0064).withBatchSize(128).withEpochs(3).withLimit(10000);
    robot.interact(() -> DesignHandoff.of(context).publish(Templates.load("mlp").withName("tuned"), config));
    waitForFxEvents();
    assertTrue(robot.lookup("#nav-training").queryAs(ToggleButton.class).isSelected());
    assertEquals("0.0064", robot.lookup("#training-lr").queryAs(TextField.class).getText());
    assertEquals("128", robot.lookup("#training-batch").queryAs(TextField.class).getText());
    assertEquals("3", robot.lookup("#training-epochs").queryAs(TextField.class).getText());
    assertEquals("10000", robot.lookup("#training-limit").queryAs(TextField.class).getText());
  }

  @Test
  void switchingToChineseFromTheMenuChangesTheVisibleLabels(FxRobot robot) {
    ToggleButton builder = robot.lookup("#nav-builder").queryAs(ToggleButton.class);
    assertEquals("Network Builder", builder.getText());
    robot.clickOn("#menu-view").clickOn("#menu-language").clickOn("#language-zh-CN");
    waitForFxEvents();
    assertEquals("网络构建器", builder.getText());
    assertEquals("新建", robot.lookup("#builder-new").queryAs(javafx.scene.control.Button.class).getText());
    assertEquals("zh-CN", stored.get(stored.size() - 1).language(), "the choice is remembered");
    String cjk = Appearance.chineseFont();
    assertEquals(cjk != null, root.getStyle().contains("-fx-font-family: \"" + cjk + "\""),
        "Chinese sets the installed CJK font (" + cjk + "): " + root.getStyle());
  }

  @Test
  void atTwoHundredPercentTheNavigationScrollsAndTheStatusBarStaysOnScreen(FxRobot robot) {
    robot.interact(() -> Appearance.setZoomPercent(200));
    waitForFxEvents();
    Label status = robot.lookup("#zoom-status").queryAs(Label.class);
    javafx.geometry.Bounds shown = status.localToScene(status.getBoundsInLocal());
    assertTrue(shown.getMaxY() <= root.getScene().getHeight() + 0.5, "status bar within the window: " + shown);
    javafx.scene.control.ScrollPane nav = robot.lookup("#navigation-scroll").queryAs(javafx.scene.control.ScrollPane.class);
    ToggleButton last = robot.lookup("#nav-datasets").queryAs(ToggleButton.class);
    javafx.geometry.Bounds button = last.localToScene(last.getBoundsInLocal());
    assertTrue(button.getMaxY() > nav.localToScene(nav.getBoundsInLocal()).getMaxY(), "12 workspaces do not fit at 200 %");
    robot.interact(() -> nav.setVvalue(nav.getVmax()));
    waitForFxEvents();
    robot.clickOn("#nav-datasets");
    assertTrue(last.isSelected(), "the last workspace is reached by scrolling");
  }

  @Test
  void zoomKeysScaleTheRootFontSizeAndEverythingInEm(FxRobot robot) {
    ToggleButton builder = robot.lookup("#nav-builder").queryAs(ToggleButton.class);
    double base = builder.getFont().getSize();
    double navWidth = robot.lookup(".navigation").queryAs(javafx.scene.layout.Region.class).getWidth();
    robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
    robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
    robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
    waitForFxEvents();
    assertEquals(150, Appearance.zoomPercent());
    assertEquals(base * 1.5, builder.getFont().getSize(), 0.05);
    assertTrue(root.getStyle().contains(String.format(Locale.ROOT, "-fx-font-size: %.2fpx", base * 1.5)), root.getStyle());
    assertEquals(navWidth * 1.5,
        robot.lookup(".navigation").queryAs(javafx.scene.layout.Region.class).getWidth(), navWidth * 0.05);
    assertEquals("Zoom 150%", robot.lookup("#zoom-status").queryAs(Label.class).getText());
    robot.push(KeyCode.CONTROL, KeyCode.MINUS);
    assertEquals(125, Appearance.zoomPercent());
    robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
    waitForFxEvents();
    assertEquals(base, builder.getFont().getSize(), 0.05);
    assertEquals(100, stored.get(stored.size() - 1).zoomPercent());
  }

  @Test
  void theSettingsDialogRejectsARelativeFolderAndAppliesItsValues(FxRobot robot) {
    robot.push(KeyCode.CONTROL, KeyCode.COMMA);
    waitForFxEvents();
    TextField folder = robot.lookup("#settings-folder").queryAs(TextField.class);
    Button ok = robot.lookup("#settings-ok").queryAs(Button.class);
    robot.interact(() -> folder.setText("relative/folder"));
    assertTrue(ok.isDisabled());
    assertTrue(robot.lookup("#settings-folder-problem").queryAs(Label.class).isVisible());
    Path other = WORKSPACE.resolveSibling("other-workspace");
    robot.interact(() -> folder.setText(other.toString()));
    assertFalse(ok.isDisabled());
    robot.clickOn("#settings-device-gpu");
    robot.clickOn(ok);
    waitForFxEvents();
    Settings now = shell.model().settings();
    assertEquals(other.toString(), now.workspaceFolder());
    assertEquals(now, stored.get(stored.size() - 1));
    assertTrue(robot.lookup("#restart-note").queryAs(Hyperlink.class).isVisible(), "device and folder apply at the next start");
  }

  @Test
  void theStatusBarShowsTheBackendInUse(FxRobot robot) {
    AtomicInteger settled = new AtomicInteger();
    robot.interact(() -> shell.startEngine(settled::incrementAndGet));
    assertEquals(1, settled.get(), "the caller hears once that the engine has started");
    String status = robot.lookup("#engine-status").queryAs(Label.class).getText();
    assertTrue(status.startsWith("CPU backend: ") && status.contains("oneDNN"), status);
    robot.interact(() -> I18n.setLocale(Locale.SIMPLIFIED_CHINESE));
    assertTrue(robot.lookup("#engine-status").queryAs(Label.class).getText().startsWith("CPU 后端"));
  }

  @Test
  void aboutShowsTheVersionAndTheBackend(FxRobot robot) {
    robot.interact(() -> shell.startEngine(() -> { }));
    robot.clickOn("#menu-help").clickOn("#menu-about");
    waitForFxEvents();
    String backend = robot.lookup("#about-backend").queryAs(Label.class).getText();
    assertTrue(backend.contains("AVX"), backend);
    robot.push(KeyCode.ESCAPE);
  }
}
