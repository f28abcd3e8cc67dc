package org.tensorworkbench.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.learn.Lesson;
import org.tensorworkbench.learn.ProgressFile;
import org.tensorworkbench.learn.Step;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.LessonTarget;
import org.tensorworkbench.ui.common.UiExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Learn workspace on its own: teacher packs (good and malformed), missing workspaces, formulas. */
@ExtendWith(ApplicationExtension.class)
class LearnViewTest {
  @TempDir
  static Path dir;

  private final Path[] chosen = new Path[1];
  private LearnView view;

  @Start
  void start(Stage stage) throws IOException {
    I18n.setLocale(Locale.ENGLISH);
    PackChooser chooser = new PackChooser() {
      @Override
      public Optional<Path> folder(Window owner) {
        return Optional.ofNullable(chosen[0]);
      }

      @Override
      public Optional<Path> zip(Window owner) {
        return Optional.ofNullable(chosen[0]);
      }
    };
    LessonWorkspaces none = new ShippedLessonsTest.NoWorkspaces();
    LearnViewModel vm = new LearnViewModel(UiExecutor.direct(), new ProgressFile(Files.createTempDirectory(dir, "c")), none);
    view = new LearnView(vm, chooser);
    vm.loadShipped();
    stage.setScene(new Scene(view.root(), 1100, 750));
    stage.show();
  }

  private Path teacherPack(String lessonChapter) throws IOException {
    Path folder = Files.createTempDirectory(dir, "pack");
    Files.writeString(folder.resolve("pack.yaml"), """
        format: 1
        id: class-7b
        title: {en: Class 7b, zh_CN: 7b 班}
        lessons: [playground-intro]
        """);
    String lesson = """
        ---
        id: playground-intro
        chapter: %s
        title: A lab from a later version
        steps:
          - id: try
            title: Try it
            open: {workspace: tuning, preset: {method: grid}}
        ---
        A formula that does not parse: $\\undefinedmacro x$ and one that does: $x^2$.
        """;
    Files.writeString(folder.resolve("playground-intro.en.md"), lesson.formatted(lessonChapter));
    Files.writeString(folder.resolve("playground-intro.zh_CN.md"), lesson.formatted("\"5.1\""));
    return folder;
  }

  @Test
  void aMalformedPackIsRefusedWithItsFileAndLineAndTheCourseStays(FxRobot robot) throws IOException {
    chosen[0] = teacherPack("\"5.2\"");
    robot.clickOn("#learn-open-pack").clickOn("#learn-open-folder");
    String problem = robot.lookup("#learn-problem").queryAs(Label.class).getText();
    assertTrue(problem.startsWith("This lesson pack was not opened: " + chosen[0].getFileName()
        + "/playground-intro.zh_CN.md, line 3: the chapter is '5.1' here but '5.2' in English"), problem);
    assertTrue(robot.lookup("#lesson-conv-padding-stride").tryQuery().isPresent(), "the shipped course stays");
    assertEquals("d2l", view.viewModel().packProperty().get().id());
  }

  @Test
  void aGoodTeacherPackReplacesTheMapAndAMissingWorkspaceIsSaidSo(FxRobot robot) throws IOException {
    chosen[0] = teacherPack("\"5.1\"");
    robot.clickOn("#learn-open-pack").clickOn("#learn-open-folder");
    assertFalse(robot.lookup(".learn-problem-bar").query().isVisible(), "no problem is shown");
    assertEquals("Class 7b", robot.lookup("#learn-pack-title").queryAs(Label.class).getText());
    robot.clickOn("#lesson-playground-intro");
    assertEquals(1, robot.lookup(".math-error").queryAll().size(), "the broken formula is marked, not hidden");
    assertEquals("$\\undefinedmacro x$", robot.lookup(".math-error").queryAs(Label.class).getText());
    assertEquals(1, robot.lookup(".math-inline").queryAll().size());
    robot.clickOn("#open-try");
    String feedback = robot.lookup("#feedback-try").queryAs(Label.class).getText();
    assertTrue(feedback.startsWith("The workspace ") && feedback.endsWith(" is not available in this version."), feedback);
    robot.clickOn("#learn-shipped");
    assertTrue(robot.lookup("#lesson-conv-padding-stride").tryQuery().isPresent());
  }

  @Test
  void aPassedCheckIsRecordedAndAFailedOneIsNot() {
    LessonTarget kernels = new LessonTarget() {
      private Map<String, Object> facts = Map.of("input.height", 6, "input.width", 8, "kernel.height", 1,
          "kernel.width", 2, "output.height", 6, "output.width", 7);

      @Override
      public void applyPreset(Map<String, String> preset) {
        facts = Map.of("input.height", 6, "input.width", 8, "kernel.height", 1, "kernel.width", 2,
            "output.height", 3, "output.width", 4);
      }

      @Override
      public Map<String, Object> facts() {
        return facts;
      }
    };
    LessonWorkspaces only = new LessonWorkspaces() {
      @Override
      public Optional<LessonTarget> show(String id) {
        return Optional.of(kernels);
      }

      @Override
      public Optional<LessonTarget> find(String id) {
        return id.equals("kernels") ? Optional.of(kernels) : Optional.empty();
      }
    };
    LearnViewModel vm = new LearnViewModel(UiExecutor.direct(), new ProgressFile(dir.resolve("vm")), only);
    vm.loadShipped();
    vm.openLesson("conv-padding-stride");
    Lesson lesson = vm.lessonProperty().get();
    Step task = lesson.step("make-3x4");
    assertFalse(vm.check(task).ok());
    assertFalse(vm.progressOf(lesson).tasks().contains("make-3x4"));
    kernels.applyPreset(Map.of());
    assertTrue(vm.check(task).ok());
    assertTrue(vm.progressOf(lesson).tasks().contains("make-3x4"));
    assertTrue(new ProgressFile(dir.resolve("vm")).load().lesson("d2l", "conv-padding-stride").tasks()
        .contains("make-3x4"), "saved at once");
  }
}
