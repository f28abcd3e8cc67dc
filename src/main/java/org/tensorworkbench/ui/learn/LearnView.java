package org.tensorworkbench.ui.learn;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.tensorworkbench.workspace.ConfigDirectory;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.learn.Lesson;
import org.tensorworkbench.learn.LessonPack;
import org.tensorworkbench.learn.LessonProgress;
import org.tensorworkbench.learn.LessonText;
import org.tensorworkbench.learn.ProgressFile;
import org.tensorworkbench.learn.Step;
import org.tensorworkbench.learn.StepText;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.Appearance;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.Presenting;
import org.tensorworkbench.ui.common.UiText;

/**
 * The Learn workspace: the course map in d2l's order with each lesson's progress, a lesson page
 * (its text with typeset formulas, then its steps: Open, Check, Hint, Show answer), "Open lesson
 * pack…" for a teacher's pack, and presenter mode for a projector (full screen, larger type, one
 * page at a time; arrows and PageUp/PageDown turn pages, Esc leaves).
 */
public final class LearnView {
  /** The lesson text's size relative to the UI font, and in presenter mode. */
  static final double TEXT_SCALE = 1.1;
  static final double PRESENTER_SCALE = 1.9;

  private final LearnViewModel vm;
  private final PackChooser chooser;
  private final BorderPane root = new BorderPane();
  private final StackPane centre = new StackPane();
  private final Label problem = new Label();
  /** What each step of the lesson shown said, kept when the page is laid out again. */
  private final Map<String, LearnViewModel.Outcome> outcomes = new HashMap<>();
  private final Set<String> answersShown = new HashSet<>();
  private final Set<String> hintsShown = new HashSet<>();
  private ScrollPane pageScroll;

  public LearnView(AppContext context, LessonWorkspaces workspaces) {
    this(new LearnViewModel(context.executor(), new ProgressFile(ConfigDirectory.current()), workspaces),
        PackChooser.system());
    // the main window shows the lesson alone while it is presented
    Presenting.of(context).activeProperty().bindBidirectional(vm.presenterProperty());
    // after the window is shown: on two cores the fonts' loading would slow the first paint
    javafx.application.Platform.runLater(() -> context.executor().submit(MathImages::warmUp, done -> { },
        error -> org.slf4j.LoggerFactory.getLogger(LearnView.class).warn("JLaTeXMath did not load: {}", error.toString())));
    vm.loadShipped();
  }

  LearnView(LearnViewModel vm, PackChooser chooser) {
    this.vm = vm;
    this.chooser = chooser;
    root.setId("learn-view");
    root.getStyleClass().add("learn");
    root.getStylesheets().add(LearnView.class.getResource("/org/tensorworkbench/css/learn.css").toExternalForm());
    root.setTop(new VBox(toolBar(), problemBar()));
    root.setCenter(centre);
    vm.packProperty().addListener(o -> refresh());
    vm.lessonProperty().addListener((obs, old, now) -> {
      outcomes.clear();
      answersShown.clear();
      hintsShown.clear();
      refreshFromTop();
    });
    vm.progressProperty().addListener(o -> refresh());
    vm.pageProperty().addListener(o -> refreshFromTop());
    vm.presenterProperty().addListener((obs, old, on) -> presenterChanged(on));
    I18n.onChange(root, () -> refresh());
    Appearance.onZoomChange(root, () -> refresh());
    root.addEventFilter(KeyEvent.KEY_PRESSED, this::presenterKeys);
    refresh();
  }

  public Parent root() {
    return root;
  }

  LearnViewModel viewModel() {
    return vm;
  }

  // ---- tool bar ----

  private HBox toolBar() {
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);

    Button presenter = new Button();
    presenter.setId("learn-presenter");
    presenter.textProperty().bind(I18n.text("learn.presenter.start"));
    presenter.visibleProperty().bind(vm.lessonProperty().isNotNull());
    presenter.managedProperty().bind(presenter.visibleProperty());
    presenter.setOnAction(e -> vm.presenterProperty().set(true));

    Button shipped = new Button();
    shipped.setId("learn-shipped");
    shipped.textProperty().bind(I18n.text("learn.pack.shipped"));
    shipped.visibleProperty().bind(vm.teachersPackProperty());
    shipped.managedProperty().bind(shipped.visibleProperty());
    shipped.setOnAction(e -> vm.loadShipped());

    MenuItem folder = new MenuItem();
    folder.setId("learn-open-folder");
    folder.textProperty().bind(I18n.text("learn.pack.openFolder"));
    folder.setOnAction(e -> chooser.folder(window()).ifPresent(vm::openPack));
    MenuItem zip = new MenuItem();
    zip.setId("learn-open-zip");
    zip.textProperty().bind(I18n.text("learn.pack.openZip"));
    zip.setOnAction(e -> chooser.zip(window()).ifPresent(vm::openPack));
    MenuButton open = new MenuButton();
    open.setId("learn-open-pack");
    open.textProperty().bind(I18n.text("learn.pack.open"));
    open.getItems().addAll(folder, zip);

    for (Region r : List.of(presenter, shipped, open)) {
      r.setMinWidth(Region.USE_PREF_SIZE);
    }
    HBox bar = new HBox(spacer, presenter, shipped, open);
    bar.getStyleClass().add("learn-toolbar");
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.visibleProperty().bind(vm.presenterProperty().not());
    bar.managedProperty().bind(bar.visibleProperty());
    return bar;
  }

  private HBox problemBar() {
    problem.setId("learn-problem");
    problem.setWrapText(true);
    problem.getStyleClass().add("learn-problem");
    problem.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(problem, Priority.ALWAYS);
    Button dismiss = new Button("\u00d7");
    dismiss.setId("learn-problem-close");
    dismiss.setOnAction(e -> vm.dismissProblem());
    HBox bar = new HBox(problem, dismiss);
    bar.getStyleClass().add("learn-problem-bar");
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.visibleProperty().bind(vm.problemProperty().isNotNull());
    bar.managedProperty().bind(bar.visibleProperty());
    problem.textProperty().bind(Bindings.createStringBinding(
        () -> vm.problemProperty().get() == null ? "" : vm.problemProperty().get().get(),
        vm.problemProperty(), I18n.localeProperty()));
    return bar;
  }

  private Window window() {
    return root.getScene() == null ? null : root.getScene().getWindow();
  }

  // ---- laying out ----

  private void refreshFromTop() {
    pageScroll = null;
    refresh();
  }

  /** Lays the page out again (language, zoom, progress), keeping the scroll position. */
  private void refresh() {
    double scrolled = pageScroll == null ? 0 : scrolledPixels(pageScroll);
    LessonPack pack = vm.packProperty().get();
    Lesson lesson = vm.lessonProperty().get();
    Node page;
    if (pack == null) {
      page = new Label();
    } else if (lesson == null) {
      page = courseMap(pack);
    } else if (vm.presenterProperty().get()) {
      page = presenterPage(lesson);
    } else {
      page = lessonPage(lesson);
    }
    ScrollPane scroll = new ScrollPane(page);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("learn-scroll");
    centre.getChildren().setAll(scroll);
    pageScroll = scroll;
    if (scrolled > 0) {
      keepScrolled(scroll, scrolled);
    }
    if (vm.presenterProperty().get()) {
      BorderPane withControls = new BorderPane(scroll);
      withControls.setBottom(presenterControls());
      centre.getChildren().setAll(withControls);
    }
  }

  /** How far {@code scroll} shows its content scrolled down, in pixels. */
  private static double scrolledPixels(ScrollPane scroll) {
    double hidden = scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
    return hidden > 0 ? scroll.getVvalue() * hidden : 0;
  }

  /**
   * Scrolls the new page down by the pixels the old one was scrolled, once it is laid out (its
   * height is not known before), so revealing an answer or checking a step keeps the student's place.
   */
  private static void keepScrolled(ScrollPane scroll, double pixels) {
    javafx.beans.InvalidationListener apply = new javafx.beans.InvalidationListener() {
      @Override
      public void invalidated(javafx.beans.Observable o) {
        double hidden = scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        if (hidden > 0 && scroll.getViewportBounds().getHeight() > 0) {
          scroll.setVvalue(Math.min(1, pixels / hidden));
          scroll.getContent().layoutBoundsProperty().removeListener(this);
          scroll.viewportBoundsProperty().removeListener(this);
        }
      }
    };
    scroll.getContent().layoutBoundsProperty().addListener(apply);
    scroll.viewportBoundsProperty().addListener(apply);
  }

  private Locale locale() {
    return I18n.localeProperty().get();
  }

  private LessonMarkdown markdown() {
    double scale = window() == null ? 1 : window().getOutputScaleX();
    double size = Appearance.fontSize(Appearance.zoomPercent())
        * (vm.presenterProperty().get() ? PRESENTER_SCALE : TEXT_SCALE);
    return new LessonMarkdown(size, scale);
  }

  private Node courseMap(LessonPack pack) {
    VBox rows = new VBox();
    rows.setId("course-map");
    rows.getStyleClass().add("course-map");
    Label packTitle = new Label(pack.title(locale()));
    packTitle.setId("learn-pack-title");
    packTitle.getStyleClass().add("learn-pack-title");
    packTitle.setWrapText(true);
    rows.getChildren().add(packTitle);
    Label intro = new Label(I18n.get("learn.map.intro"));
    intro.setWrapText(true);
    intro.getStyleClass().add("learn-intro");
    rows.getChildren().add(intro);
    for (Lesson lesson : pack.lessons()) {
      LessonText text = lesson.text(locale());
      LessonProgress progress = vm.progressOf(lesson);
      int done = progress.doneIn(lesson);
      int total = lesson.steps().size();
      Label chapter = new Label(lesson.chapter());
      chapter.getStyleClass().add("map-chapter");
      chapter.setMinWidth(Region.USE_PREF_SIZE);
      Label title = new Label(text.title());
      title.getStyleClass().add("map-title");
      title.setWrapText(true);
      title.setMinWidth(0);
      HBox.setHgrow(title, Priority.ALWAYS);
      title.setMaxWidth(Double.MAX_VALUE);
      Label minutes = new Label(lesson.minutes() > 0 ? I18n.get("learn.map.minutes", lesson.minutes()) : "");
      minutes.getStyleClass().add("map-minutes");
      minutes.setMinWidth(Region.USE_PREF_SIZE);
      ProgressBar bar = new ProgressBar(total == 0 ? 0 : (double) done / total);
      bar.getStyleClass().add("map-progress");
      bar.setMinWidth(Region.USE_PREF_SIZE);
      Label count = new Label(done == total && total > 0 ? I18n.get("learn.map.complete")
          : I18n.get("learn.map.steps", done, total));
      count.setId("progress-" + lesson.id());
      count.getStyleClass().add("map-count");
      count.setMinWidth(Region.USE_PREF_SIZE);
      HBox row = new HBox(chapter, title, minutes, bar, count);
      row.setAlignment(Pos.CENTER_LEFT);
      row.getStyleClass().add("map-row-content");
      Button open = new Button();
      open.setGraphic(row);
      open.setId("lesson-" + lesson.id());
      open.getStyleClass().add("map-row");
      if (done == total && total > 0) {
        open.getStyleClass().add("complete");
      }
      open.setMaxWidth(Double.MAX_VALUE);
      open.setAlignment(Pos.CENTER_LEFT);
      open.setOnAction(e -> vm.openLesson(lesson.id()));
      row.prefWidthProperty().bind(open.widthProperty().subtract(24));
      // on a narrow page (200 % zoom) the progress bar, then the minutes give way (the step count
      // stays), and the title gets what the other columns leave, wrapping onto more lines and
      // growing the row instead of ending in "..."
      showWhileWide(bar, row, title, 48);
      showWhileWide(minutes, row, title, 36);
      title.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> {
        double others = 0;
        for (Node n : row.getChildren()) {
          if (n != title && n.isManaged()) {
            others += ((Region) n).getWidth() + row.getSpacing();
          }
        }
        return Math.max(0, row.getPrefWidth() - others - row.snappedLeftInset() - row.snappedRightInset());
      }, row.prefWidthProperty(), chapter.widthProperty(), minutes.widthProperty(), bar.widthProperty(),
          count.widthProperty(), row.spacingProperty(), bar.managedProperty(), minutes.managedProperty()));
      row.prefHeightProperty().bind(Bindings.createDoubleBinding(
          () -> title.prefHeight(title.getPrefWidth()) + row.snappedTopInset() + row.snappedBottomInset(),
          title.prefWidthProperty(), title.fontProperty(), title.textProperty()));
      rows.getChildren().add(open);
    }
    return rows;
  }

  // shown (and taking room) only while the row is at least this many ems wide
  private static void showWhileWide(Region column, Region row, Label text, double ems) {
    column.managedProperty().bind(column.visibleProperty());
    column.visibleProperty().bind(Bindings.createBooleanBinding(
        () -> row.getPrefWidth() >= ems * text.getFont().getSize(), row.prefWidthProperty(), text.fontProperty()));
  }

  private Node lessonPage(Lesson lesson) {
    LessonText text = lesson.text(locale());
    LessonMarkdown md = markdown();
    Hyperlink back = new Hyperlink(I18n.get("learn.lesson.back"));
    back.setId("learn-back");
    back.setOnAction(e -> vm.backToMap());
    VBox page = new VBox(back, heading(lesson, text), md.render(text.body()));
    page.setId("lesson-page");
    page.getStyleClass().add("lesson-page");
    Label steps = new Label(I18n.get("learn.lesson.steps"));
    steps.getStyleClass().add("lesson-steps-heading");
    page.getChildren().add(steps);
    for (int i = 0; i < lesson.steps().size(); i++) {
      page.getChildren().add(stepCard(lesson, i, md));
    }
    return page;
  }

  private Node heading(Lesson lesson, LessonText text) {
    Label chapter = new Label(I18n.get("learn.lesson.chapter", lesson.chapter()));
    chapter.getStyleClass().add("lesson-chapter");
    Label title = new Label(text.title());
    title.setId("lesson-title");
    title.getStyleClass().add("lesson-title");
    title.setWrapText(true);
    return new VBox(chapter, title);
  }

  private Node stepCard(Lesson lesson, int index, LessonMarkdown md) {
    Step step = lesson.steps().get(index);
    StepText words = lesson.text(locale()).steps().get(index);
    boolean done = vm.progressOf(lesson).steps().contains(step.id());
    Label mark = new Label(done ? "\u2713" : Integer.toString(index + 1));
    mark.getStyleClass().add("step-mark");
    mark.setMinWidth(Region.USE_PREF_SIZE);
    Label title = new Label(words.title());
    title.getStyleClass().add("step-title");
    title.setWrapText(true);
    HBox header = new HBox(mark, title);
    header.setAlignment(Pos.CENTER_LEFT);
    header.getStyleClass().add("step-header");
    VBox card = new VBox(header);
    card.setId("step-" + step.id());
    card.getStyleClass().add("step-card");
    if (done) {
      card.getStyleClass().add("done");
    }
    if (words.text() != null) {
      card.getChildren().add(md.render(words.text()));
    }
    if (words.question() != null) {
      VBox question = md.render(words.question());
      question.getStyleClass().add("step-question");
      card.getChildren().add(question);
    }
    FlowPane buttons = new FlowPane();
    buttons.getStyleClass().add("step-buttons");
    if (step.open().isPresent()) {
      buttons.getChildren().add(button("open-" + step.id(), I18n.get("learn.step.open",
          workspaceTitle(step.open().get().workspace())), () -> {
            LearnViewModel.Outcome outcome = vm.open(step);
            outcomes.put(step.id(), outcome.ok() ? null : outcome);
            refresh();
          }));
    }
    if (step.check().isPresent()) {
      buttons.getChildren().add(button("check-" + step.id(), I18n.get("learn.step.check"), () -> {
        outcomes.put(step.id(), vm.check(step));
        refresh();
      }));
      LearnViewModel.Outcome last = outcomes.get(step.id());
      if (words.hint() != null && last != null && !last.ok() && !hintsShown.contains(step.id())) {
        buttons.getChildren().add(button("hint-" + step.id(), I18n.get("learn.step.hint"), () -> {
          hintsShown.add(step.id());
          refresh();
        }));
      }
    }
    if (step.question() && !answersShown.contains(step.id())) {
      buttons.getChildren().add(button("answer-" + step.id(), I18n.get("learn.step.showAnswer"), () -> {
        answersShown.add(step.id());
        vm.markDone(step);
        refresh();
      }));
    }
    if (step.check().isEmpty() && !step.question() && !done) {
      buttons.getChildren().add(button("done-" + step.id(), I18n.get("learn.step.markDone"), () -> vm.markDone(step)));
    }
    if (!buttons.getChildren().isEmpty()) {
      card.getChildren().add(buttons);
    }
    LearnViewModel.Outcome outcome = outcomes.get(step.id());
    if (outcome != null && outcome.text() != null) {
      Label feedback = new Label(outcome.text().get());
      feedback.setId("feedback-" + step.id());
      feedback.setWrapText(true);
      feedback.getStyleClass().addAll("step-feedback", outcome.ok() ? "passed" : "failed");
      card.getChildren().add(feedback);
    }
    if (hintsShown.contains(step.id()) && words.hint() != null) {
      VBox hint = md.render(words.hint());
      hint.setId("hint-text-" + step.id());
      hint.getStyleClass().add("step-hint");
      card.getChildren().add(hint);
    }
    if (answersShown.contains(step.id())) {
      VBox answer = md.render(words.answer());
      answer.setId("answer-text-" + step.id());
      answer.getStyleClass().add("step-answer");
      card.getChildren().add(answer);
    }
    return card;
  }

  private static Button button(String id, String text, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.setMinWidth(Region.USE_PREF_SIZE);
    b.setOnAction(e -> action.run());
    return b;
  }

  private static String workspaceTitle(String id) {
    String key = "shell.nav." + id;
    return Messages.has(key) ? Messages.get(key) : id;
  }

  // ---- presenter mode ----

  private Node presenterPage(Lesson lesson) {
    int page = Math.min(vm.pageProperty().get(), vm.pages() - 1);
    LessonMarkdown md = markdown();
    VBox box = new VBox();
    box.setId("presenter-page");
    box.getStyleClass().addAll("lesson-page", "presenter-page");
    box.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;",
        Appearance.fontSize(Appearance.zoomPercent()) * PRESENTER_SCALE));
    if (page == 0) {
      LessonText text = lesson.text(locale());
      box.getChildren().addAll(heading(lesson, text), md.render(text.body()));
    } else {
      box.getChildren().add(stepCard(lesson, page - 1, md));
    }
    return box;
  }

  private HBox presenterControls() {
    Button previous = button("presenter-previous", I18n.get("learn.presenter.previous"), vm::previousPage);
    Button next = button("presenter-next", I18n.get("learn.presenter.next"), vm::nextPage);
    previous.setDisable(vm.pageProperty().get() == 0);
    next.setDisable(vm.pageProperty().get() >= vm.pages() - 1);
    Label where = new Label(I18n.get("learn.presenter.page", vm.pageProperty().get() + 1, vm.pages()));
    where.setId("presenter-where");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Button leave = button("presenter-leave", I18n.get("learn.presenter.leave"), () -> vm.presenterProperty().set(false));
    HBox bar = new HBox(previous, where, next, spacer, leave);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("presenter-controls");
    return bar;
  }

  private void presenterKeys(KeyEvent e) {
    if (!vm.presenterProperty().get()) {
      return;
    }
    switch (e.getCode()) {
      case RIGHT, DOWN, PAGE_DOWN -> vm.nextPage();
      case LEFT, UP, PAGE_UP -> vm.previousPage();
      case ESCAPE -> vm.presenterProperty().set(false);
      default -> {
        return;
      }
    }
    e.consume();
  }

  private void presenterChanged(boolean on) {
    if (on) {
      root.getStyleClass().add("presenter");
    } else {
      root.getStyleClass().remove("presenter");
    }
    if (window() instanceof Stage stage) {
      if (on) {
        stage.setFullScreenExitHint(I18n.get("learn.presenter.exitHint"));
        stage.fullScreenProperty().addListener(new javafx.beans.value.ChangeListener<>() {
          @Override
          public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
            if (!now) {
              obs.removeListener(this);
              vm.presenterProperty().set(false);
            }
          }
        });
      }
      stage.setFullScreen(on);
    }
    refreshFromTop();
    root.requestFocus();
  }
}
