package org.tensorworkbench.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorworkbench.engine.spec.Templates;
import org.tensorworkbench.learn.Check;
import org.tensorworkbench.learn.Condition;
import org.tensorworkbench.learn.Lesson;
import org.tensorworkbench.learn.LessonPack;
import org.tensorworkbench.learn.LessonText;
import org.tensorworkbench.learn.Open;
import org.tensorworkbench.learn.PackLoader;
import org.tensorworkbench.learn.Step;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.LessonTarget;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.shell.Workspace;
import org.tensorworkbench.ui.shell.WorkspaceViews;
import org.tensorworkbench.ui.training.RunSetupViewModel;
import org.tensorworkbench.ui.training.TrainingView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every lesson of the shipped course: it parses in both languages, every step's preset opens the
 * real workspace (under Monocle) in the state it states, and every fact a check reads is one the
 * workspace reports.
 */
@ExtendWith(ApplicationExtension.class)
class ShippedLessonsTest {
  private static final LessonPack SHIPPED = PackLoader.fromClasspath(PackLoader.SHIPPED);

  /** Facts a workspace reports only once the student has done something (the README's table). */
  private static final Map<String, Set<String>> FACTS_AFTER_WORK = Map.of(
      "training", Set.of("train.loss", "test.accuracy", "best.test.accuracy"),
      "builder", Set.of("output.shape"),
      "tensors", Set.of("result.shape"),
      "playground", Set.of("steps", "train.loss", "test.loss", "test.accuracy"),
      "tuning", Set.of("trials.done", "best.accuracy"),
      "transfer", Set.of("finetune.images", "finetune.optimizer", "finetune.lr", "finetune.test.accuracy.fine-tuned",
          "finetune.test.accuracy.scratch", "augment.test.accuracy.plain", "augment.test.accuracy.augmented",
          "augment.gap.plain", "augment.gap.augmented"));

  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(new Scene(new javafx.scene.layout.Pane(), 1200, 800));
    stage.show();
  }

  static Stream<Arguments> opens() {
    List<Arguments> all = new ArrayList<>();
    for (Lesson lesson : SHIPPED.lessons()) {
      for (Step step : lesson.steps()) {
        step.open().ifPresent(open -> all.add(Arguments.of(lesson.id() + "/" + step.id(), open)));
      }
    }
    return all.stream();
  }

  static Stream<Arguments> checks() {
    List<Arguments> all = new ArrayList<>();
    for (Lesson lesson : SHIPPED.lessons()) {
      for (Step step : lesson.steps()) {
        step.check().ifPresent(check -> all.add(Arguments.of(lesson.id() + "/" + step.id(), check)));
      }
    }
    return all.stream();
  }

  @Test
  void everyLessonHasItsWordsInBothLanguages() {
    assertTrue(SHIPPED.lessons().size() >= 1);
    for (Lesson lesson : SHIPPED.lessons()) {
      for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
        LessonText text = lesson.text(locale);
        assertNotNull(text, lesson.id() + " in " + locale);
        assertEquals(lesson.steps().size(), text.steps().size());
        assertTrue(!text.body().isBlank(), lesson.id() + " has a text in " + locale);
      }
    }
  }

  private LessonTarget mount(FxRobot robot, String workspaceId) {
    Optional<Workspace> workspace = Workspace.byId(workspaceId);
    if (workspace.isEmpty()) {
      fail("the workspace '" + workspaceId + "' is not in this version");
    }
    LessonTarget[] target = new LessonTarget[1];
    robot.interact(() -> {
      // a context of its own, as each app window has: the screens a context wires live as long as it does
      AppContext context = new AppContext(UiExecutor.direct(), Path.of("").toAbsolutePath(),
          Path.of("target/test-workspace").toAbsolutePath());
      WorkspaceViews.Mounted mounted = WorkspaceViews.create(workspace.get(), context, new NoWorkspaces());
      stage.getScene().setRoot((javafx.scene.Parent) mounted.root());
      target[0] = mounted.target();
    });
    assertNotNull(target[0], workspaceId + " is a LessonTarget");
    return target[0];
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("opens")
  void everyPresetOpensItsWorkspaceInTheStatedState(String where, Open open, FxRobot robot) {
    LessonTarget target = mount(robot, open.workspace());
    robot.interact(() -> target.applyPreset(open.preset()));
    WaitForAsyncUtils.waitForFxEvents();
    Map<String, Object> facts = WaitForAsyncUtils.waitForAsyncFx(60_000, target::facts);
    for (Map.Entry<String, String> e : open.preset().entrySet()) {
      String key = e.getKey();
      String value = e.getValue().strip();
      switch (open.workspace() + ":" + key) {
        case "kernels:padding", "kernels:stride" -> {
          assertEquals(Integer.parseInt(value.split(",")[0].strip()), facts.get(key + ".height"), where + " " + key);
          assertEquals(Integer.parseInt(value.split(",")[0].strip()), facts.get(key + ".width"), where + " " + key);
        }
        case "kernels:kernel" -> {
          if (!Character.isLetter(value.charAt(0))) {
            String[] rows = value.split(";");
            assertEquals(rows.length, facts.get("kernel.height"), where);
            assertEquals(rows[0].split(",").length, facts.get("kernel.width"), where);
          }
        }
        case "kernels:image" -> assertTrue(facts.containsKey("input.height"), where + ": the image is loaded");
        case "builder:template" -> assertEquals(Templates.load(value).nodes().size(), facts.get("nodes"), where);
        case "training:network", "training:dataset", "training:limit", "training:epochs", "training:batch",
            "training:lr", "training:optimizer", "training:weightDecay" ->
            assertEquals(value, trainingField(((TrainingView) target).model().setup(), key), where + " " + key);
        default -> {
          if (facts.containsKey(key)) {
            Object fact = facts.get(key);
            Object wanted = fact instanceof List<?> ? Stream.of(value.split(",")).map(s -> Long.parseLong(s.strip()))
                .toList() : value;
            assertTrue(new Condition(key, Condition.Kind.EQUALS, wanted).holds(fact instanceof List<?> ? fact
                : String.valueOf(fact)), where + ": " + key + " is " + fact + ", the preset says " + value);
          }
        }
      }
    }
    if (open.preset().containsKey("tab") && (open.workspace().equals("tensors") || open.workspace().equals("norm"))) {
      TabPane tabs = (TabPane) stage.getScene().getRoot();
      String id = tabs.getSelectionModel().getSelectedItem().getId();
      String tab = open.preset().get("tab").strip();
      assertTrue(id.endsWith("-" + (tab.equals("batchnorm") ? "steps" : tab)), where + ": tab " + id);
    }
  }

  private static String trainingField(RunSetupViewModel setup, String key) {
    return switch (key) {
      case "network" -> setup.networkProperty().get().name();
      case "dataset" -> setup.datasetProperty().get();
      case "limit" -> setup.limitProperty().get();
      case "epochs" -> setup.epochsProperty().get();
      case "batch" -> setup.batchSizeProperty().get();
      case "lr" -> setup.learningRateProperty().get();
      case "optimizer" -> setup.optimizerProperty().get().id();
      default -> setup.weightDecayProperty().get();
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checks")
  void everyCheckReadsFactsItsWorkspaceReports(String where, Check check, FxRobot robot) {
    LessonTarget target = mount(robot, check.workspace());
    Set<String> reported = WaitForAsyncUtils.waitForAsyncFx(60_000, target::facts).keySet();
    Set<String> later = FACTS_AFTER_WORK.getOrDefault(check.workspace(), Set.of());
    for (Condition c : check.conditions()) {
      boolean generalizationResult = check.workspace().equals("generalization") && c.fact().matches("[a-z-]+\\..+");
      assertTrue(reported.contains(c.fact()) || later.contains(c.fact()) || generalizationResult,
          where + ": " + check.workspace() + " reports no fact '" + c.fact() + "' (it reports " + reported + ")");
    }
  }

  /** Views mounted alone: the Learn workspace is not among them. */
  static final class NoWorkspaces implements LessonWorkspaces {
    @Override
    public Optional<LessonTarget> show(String id) {
      return Optional.empty();
    }

    @Override
    public Optional<LessonTarget> find(String id) {
      return Optional.empty();
    }
  }
}
