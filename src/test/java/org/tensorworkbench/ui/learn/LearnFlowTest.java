package org.tensorworkbench.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tensorworkbench.workspace.ConfigDirectory;
import org.tensorworkbench.workspace.Settings;
import org.tensorworkbench.learn.ProgressFile;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.Appearance;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.shell.ShellView;
import org.tensorworkbench.ui.shell.ShellViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A student goes through the conv-padding-stride lesson in the main window: the lesson opens the
 * Kernel Lab in its state, the task fails then passes, the hint and the answer are revealed, and
 * the progress is saved and shown on the course map after the window is built again.
 */
@ExtendWith(ApplicationExtension.class)
class LearnFlowTest {
  private static Path config;
  private static final Path WORKSPACE = Path.of("target/test-workspace").toAbsolutePath();

  private Stage stage;
  private final List<Settings> stored = new ArrayList<>();

  @BeforeAll
  static void ownConfigFolder() throws IOException {
    config = Files.createTempDirectory("learn-flow-config");
    System.setProperty(ConfigDirectory.OVERRIDE_PROPERTY, config.toString());
  }

  @AfterAll
  static void releaseConfigFolder() {
    System.clearProperty(ConfigDirectory.OVERRIDE_PROPERTY);
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(new Scene(newShell(), 1280, 800));
    stage.show();
  }

  private Parent newShell() {
    Settings settings = Settings.defaults(Path.of(System.getProperty("user.home")))
        .withLanguage(Locale.ENGLISH).withWorkspaceFolder(WORKSPACE);
    ShellViewModel model = new ShellViewModel(settings, Locale.ENGLISH, stored::add);
    AppContext context = new AppContext(UiExecutor.direct(), Path.of("").toAbsolutePath(), WORKSPACE);
    return new ShellView(context, model).root();
  }

  @AfterEach
  void english(FxRobot robot) {
    robot.interact(() -> {
      I18n.setLocale(Locale.ENGLISH);
      Appearance.setZoomPercent(100);
    });
  }

  private static String text(FxRobot robot, String query) {
    return robot.lookup(query).queryAs(Label.class).getText();
  }

  private static boolean selected(FxRobot robot, String workspace) {
    return robot.lookup("#nav-" + workspace).queryAs(ToggleButton.class).isSelected();
  }

  @Test
  void aStudentFollowsTheWholePaddingAndStrideLesson(FxRobot robot) throws IOException {
    assertTrue(selected(robot, "learn"), "Learn is the start page");
    assertEquals("0 of 4 steps", text(robot, "#progress-conv-padding-stride"));
    robot.clickOn("#lesson-conv-padding-stride");
    assertEquals("Padding and stride", text(robot, "#lesson-title"));
    Node page = robot.lookup("#lesson-page").query();
    assertFalse(robot.from(page).lookup(".math-display").queryAll().isEmpty(), "the formula is typeset");
    assertFalse(robot.from(page).lookup(".math-inline").queryAll().isEmpty(), "inline formulas are typeset");
    assertTrue(robot.from(page).lookup(".math-error").queryAll().isEmpty(), "every formula parses");
    for (Node n : robot.from(page).lookup(".md-text").queryAll()) {
      String shown = ((Text) n).getText();
      assertFalse(shown.contains("$") || shown.contains("\\"), "no raw LaTeX: " + shown);
    }

    press(robot, "#open-open-boundary");
    assertTrue(selected(robot, "kernels"), "the step opens the Kernel Lab");
    String shape = robot.lookup("#output-shape").queryAs(Label.class).getText();
    assertTrue(shape.contains("output [1, 1, 6, 7]"), "d2l's 6x8 image and [1, -1]: " + shape);

    robot.clickOn("#nav-learn");
    assertTrue(robot.lookup("#step-open-boundary").query().getStyleClass().contains("done"));
    press(robot, "#open-pad-one");
    assertTrue(selected(robot, "kernels"));
    robot.clickOn("#nav-learn");
    press(robot, "#answer-pad-one");
    assertTrue(robot.lookup("#answer-text-pad-one").tryQuery().isPresent());

    press(robot, "#check-make-3x4");
    assertEquals("output.height is 8; it should be 3\noutput.width is 9; it should be 4", text(robot, "#feedback-make-3x4"));
    press(robot, "#hint-make-3x4");
    assertTrue(robot.lookup("#hint-text-make-3x4").tryQuery().isPresent());

    robot.clickOn("#nav-kernels");
    robot.interact(() -> {
      spinner(robot, "#padding").getValueFactory().setValue(0);
      spinner(robot, "#stride").getValueFactory().setValue(2);
    });
    robot.clickOn("#nav-learn");
    press(robot, "#check-make-3x4");
    assertEquals("Well done: the task is solved.", text(robot, "#feedback-make-3x4"));

    press(robot, "#answer-count-ops");
    Node answer = robot.lookup("#answer-text-count-ops").query();
    assertTrue(robot.from(answer).lookup(".md-text").queryAll().stream()
        .anyMatch(t -> ((Text) t).getText().contains("173,408,256")), "the answer explains the naive count");
    assertFalse(robot.from(answer).lookup(".math-inline").queryAll().isEmpty(), "867,041,280 is typeset");

    press(robot, "#learn-back");
    assertEquals("Done ✓", text(robot, "#progress-conv-padding-stride"));
    String saved = Files.readString(config.resolve(ProgressFile.FILE_NAME));
    assertTrue(saved.contains("make-3x4") && saved.contains("count-ops"), saved);

    robot.interact(() -> stage.getScene().setRoot(newShell()));
    waitForFxEvents();
    assertEquals("Done ✓", text(robot, "#progress-conv-padding-stride"), "progress is shown after a restart");
  }

  @Test
  void revealingAnAnswerKeepsThePageWhereTheStudentScrolledTo(FxRobot robot) {
    robot.clickOn("#lesson-conv-padding-stride");
    javafx.scene.control.ScrollPane scroll = robot.lookup(".learn-scroll").queryAs(javafx.scene.control.ScrollPane.class);
    robot.interact(() -> scroll.setVvalue(1.0));
    waitForFxEvents();
    double before = scrolledPixels(robot);
    assertTrue(before > 100, "the lesson is longer than the window: " + before);
    press(robot, "#answer-count-ops");
    waitForFxEvents();
    double after = scrolledPixels(robot);
    assertTrue(after > before - 50, "scrolled " + before + " px before the answer, " + after + " after");
  }

  /** How far the lesson page is scrolled down, in pixels. */
  private static double scrolledPixels(FxRobot robot) {
    javafx.scene.control.ScrollPane scroll = robot.lookup(".learn-scroll").queryAs(javafx.scene.control.ScrollPane.class);
    double content = scroll.getContent().getLayoutBounds().getHeight();
    double viewport = scroll.getViewportBounds().getHeight();
    return scroll.getVvalue() * Math.max(0, content - viewport);
  }

  /** Presses a button of the lesson page, which may be scrolled below the window's edge. */
  private static void press(FxRobot robot, String query) {
    javafx.scene.control.ButtonBase button = robot.lookup(query).queryAs(javafx.scene.control.ButtonBase.class);
    robot.interact(button::fire);
    waitForFxEvents();
  }

  @SuppressWarnings("unchecked")
  private static Spinner<Integer> spinner(FxRobot robot, String query) {
    return robot.lookup(query).queryAs(Spinner.class);
  }

  @Test
  void presenterModeShowsOnePageAtATimeAndTheKeysTurnThem(FxRobot robot) {
    robot.clickOn("#lesson-conv-padding-stride");
    robot.clickOn("#learn-presenter");
    assertEquals("1 / 5", text(robot, "#presenter-where"));
    assertFalse(windowChromeShown(robot), "only the lesson is shown: no menus, navigation or status bar");
    assertTrue(robot.lookup("#lesson-title").tryQuery().isPresent());
    robot.push(KeyCode.PAGE_DOWN);
    assertEquals("2 / 5", text(robot, "#presenter-where"));
    assertTrue(robot.lookup("#step-open-boundary").tryQuery().isPresent());
    assertTrue(robot.lookup("#step-pad-one").tryQuery().isEmpty(), "one step at a time");
    robot.push(KeyCode.RIGHT);
    robot.push(KeyCode.RIGHT);
    assertEquals("4 / 5", text(robot, "#presenter-where"));
    robot.push(KeyCode.PAGE_UP);
    assertEquals("3 / 5", text(robot, "#presenter-where"));
    robot.push(KeyCode.ESCAPE);
    waitForFxEvents();
    assertTrue(robot.lookup("#presenter-where").tryQuery().isEmpty(), "Esc leaves presenter mode");
    assertTrue(robot.lookup("#step-pad-one").tryQuery().isPresent(), "the whole lesson is shown again");
    assertFalse(stage.isFullScreen());
    assertTrue(windowChromeShown(robot), "the navigation is back after Esc");
    assertTrue(robot.lookup("#nav-learn").queryAs(ToggleButton.class).isSelected());
  }

  @Test
  void aStepOpenedWhilePresentingShowsItsWorkspaceInTheWholeWindow(FxRobot robot) {
    robot.clickOn("#lesson-conv-edges");
    robot.clickOn("#learn-presenter");
    robot.push(KeyCode.PAGE_DOWN);
    assertFalse(windowChromeShown(robot));
    press(robot, "#open-open-boundary");
    assertTrue(robot.lookup("#nav-kernels").queryAs(ToggleButton.class).isSelected());
    assertTrue(windowChromeShown(robot), "the lab is shown with the navigation to come back");
    assertFalse(stage.isFullScreen());
    robot.clickOn("#nav-learn");
    assertTrue(robot.lookup("#presenter-where").tryQuery().isEmpty(), "the lesson is shown whole again");
  }

  /** Whether the main window's menus, navigation and status bar are shown (and take space). */
  private static boolean windowChromeShown(FxRobot robot) {
    Node nav = robot.lookup("#navigation-scroll").query();
    Node menus = robot.lookup(".menu-bar").query();
    Node status = robot.lookup(".status-bar").query();
    boolean shown = nav.isVisible() && nav.isManaged();
    assertEquals(shown, menus.isVisible() && menus.isManaged(), "menus follow the navigation");
    assertEquals(shown, status.isVisible() && status.isManaged(), "the status bar follows the navigation");
    return shown;
  }

  @Test
  void chineseShowsTheChineseLesson(FxRobot robot) {
    robot.interact(() -> I18n.setLocale(Locale.SIMPLIFIED_CHINESE));
    String progress = text(robot, "#progress-conv-padding-stride");
    assertTrue(progress.matches("已完成 (\\d/4 步|✓)"), progress);
    robot.clickOn("#lesson-conv-padding-stride");
    assertEquals("填充和步幅", text(robot, "#lesson-title"));
    assertEquals(Set.of(), Set.copyOf(robot.lookup(".math-error").queryAll()));
  }
}
