package org.tensorworkbench.ui.learn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorworkbench.learn.CheckResult;
import org.tensorworkbench.learn.Lesson;
import org.tensorworkbench.learn.LessonPack;
import org.tensorworkbench.learn.LessonProgress;
import org.tensorworkbench.learn.PackLoader;
import org.tensorworkbench.learn.Progress;
import org.tensorworkbench.learn.ProgressFile;
import org.tensorworkbench.learn.Step;
import org.tensorworkbench.ui.common.LessonTarget;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.common.UiText;

/**
 * The state of the Learn workspace: the pack (the shipped d2l course or a teacher's), the lesson
 * open (none: the course map), the student's progress, and presenter mode's page. Opening a
 * step's workspace and checking its task go through {@link LessonWorkspaces}; every step done
 * and every task passed is saved at once.
 */
public final class LearnViewModel {
  private static final Logger LOG = LoggerFactory.getLogger(LearnViewModel.class);

  private final UiExecutor executor;
  private final ProgressFile progressFile;
  private final LessonWorkspaces workspaces;
  private final ReadOnlyObjectWrapper<LessonPack> pack = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper teachersPack = new ReadOnlyBooleanWrapper();
  private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Progress> progress = new ReadOnlyObjectWrapper<>(Progress.EMPTY);
  private final ReadOnlyObjectWrapper<UiText> problem = new ReadOnlyObjectWrapper<>();
  private final BooleanProperty presenter = new SimpleBooleanProperty();
  private final IntegerProperty page = new SimpleIntegerProperty();

  /** What a step's Open or Check did: whether it succeeded, and what to tell the student. */
  public record Outcome(boolean ok, UiText text) {}

  public LearnViewModel(UiExecutor executor, ProgressFile progressFile, LessonWorkspaces workspaces) {
    this.executor = executor;
    this.progressFile = progressFile;
    this.workspaces = workspaces;
    progress.set(progressFile.load());
    lesson.addListener((obs, old, now) -> page.set(0));
  }

  /** Loads the shipped course (in the background). */
  public void loadShipped() {
    executor.submit(() -> PackLoader.fromClasspath(PackLoader.SHIPPED), loaded -> {
      pack.set(loaded);
      teachersPack.set(false);
      lesson.set(null);
      problem.set(null);
    }, error -> {
      LOG.error("The shipped lesson pack does not load", error);
      problem.set(UiText.of(error));
    });
  }

  /**
   * Opens a teacher's pack from a folder or a .zip (in the background). A malformed pack is
   * refused with its file, line and reason, and the pack shown stays as it was.
   */
  public void openPack(Path folderOrZip) {
    executor.submit(() -> PackLoader.fromPath(folderOrZip), loaded -> {
      pack.set(loaded);
      teachersPack.set(true);
      lesson.set(null);
      problem.set(null);
    }, error -> problem.set(UiText.of("learn.pack.refused", UiText.of(error).get())));
  }

  public void openLesson(String lessonId) {
    LessonPack p = pack.get();
    lesson.set(p == null ? null : p.lesson(lessonId).orElse(null));
  }

  public void backToMap() {
    presenter.set(false);
    lesson.set(null);
  }

  public void dismissProblem() {
    problem.set(null);
  }

  public LessonProgress progressOf(Lesson l) {
    return pack.get() == null ? LessonProgress.NONE : progress.get().lesson(pack.get().id(), l.id());
  }

  /** Marks a step done (read, or answer revealed). */
  public void markDone(Step step) {
    Lesson l = lesson.get();
    if (l != null && !progressOf(l).steps().contains(step.id())) {
      save(progress.get().withStepDone(pack.get().id(), l.id(), step.id()));
    }
  }

  /**
   * Shows the step's workspace and applies its preset. The step counts as done when it only
   * opens (a step with a check is done when the check passes).
   */
  public Outcome open(Step step) {
    String id = step.open().orElseThrow().workspace();
    Optional<LessonTarget> target = workspaces.show(id);
    if (target.isEmpty()) {
      return new Outcome(false, UiText.of("learn.step.notAvailable", workspaceTitle(id)));
    }
    try {
      target.get().applyPreset(step.open().get().preset());
    } catch (IllegalArgumentException e) {
      LOG.warn("Lesson step {} cannot prepare {}: {}", step.id(), id, e.getMessage());
      return new Outcome(false, UiText.of("learn.step.presetRefused", workspaceTitle(id), e.getMessage()));
    }
    if (step.check().isEmpty() && !step.question()) {
      markDone(step);
    }
    return new Outcome(true, null);
  }

  /** Checks the step's task against its workspace's state; a pass is saved. */
  public Outcome check(Step step) {
    String id = step.check().orElseThrow().workspace();
    Optional<LessonTarget> target = workspaces.find(id);
    if (target.isEmpty()) {
      return new Outcome(false, UiText.of("learn.step.notAvailable", workspaceTitle(id)));
    }
    Map<String, Object> facts = target.get().facts();
    CheckResult result = step.check().get().evaluate(facts);
    if (!result.passed()) {
      return new Outcome(false, result::describe);
    }
    Lesson l = lesson.get();
    save(progress.get().withTaskPassed(pack.get().id(), l.id(), step.id()));
    return new Outcome(true, UiText.of("learn.check.passed"));
  }

  private static String workspaceTitle(String id) {
    String key = "shell.nav." + id;
    return org.tensorworkbench.i18n.Messages.has(key) ? org.tensorworkbench.i18n.Messages.get(key) : id;
  }

  private void save(Progress next) {
    progress.set(next);
    try {
      progressFile.save(next);
    } catch (IOException e) {
      LOG.warn("Cannot save the lesson progress to {}: {}", progressFile.path(), e.toString());
      problem.set(UiText.of("learn.progress.notSaved", String.valueOf(e.getMessage())));
    }
  }

  // ---- presenter mode: page 0 is the lesson's text, page i its step i ----

  public int pages() {
    return lesson.get() == null ? 0 : 1 + lesson.get().steps().size();
  }

  public void nextPage() {
    page.set(Math.min(pages() - 1, page.get() + 1));
  }

  public void previousPage() {
    page.set(Math.max(0, page.get() - 1));
  }

  public ReadOnlyObjectProperty<LessonPack> packProperty() {
    return pack.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty teachersPackProperty() {
    return teachersPack.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Lesson> lessonProperty() {
    return lesson.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Progress> progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<UiText> problemProperty() {
    return problem.getReadOnlyProperty();
  }

  public BooleanProperty presenterProperty() {
    return presenter;
  }

  public IntegerProperty pageProperty() {
    return page;
  }
}
