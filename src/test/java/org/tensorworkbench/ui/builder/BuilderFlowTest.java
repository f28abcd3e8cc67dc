package org.tensorworkbench.ui.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.engine.spec.NetworkSpecJson;
import org.tensorworkbench.ui.builder.model.Connection;
import org.tensorworkbench.ui.builder.model.Design;
import org.tensorworkbench.ui.common.DesignHandoff;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.UiExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The builder end to end under Monocle: drag five layers from the palette, wire them, read the
 * shapes on the connections, break a shape and see it named, undo, insert a layer on a
 * connection, save and reopen.
 */
@ExtendWith(ApplicationExtension.class)
class BuilderFlowTest {
  @TempDir
  static Path temp;

  private BuilderView view;
  private Stage stage;
  private final java.util.List<String> questions = new java.util.ArrayList<>();
  private SaveChoice answer = SaveChoice.CANCEL;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    I18n.setLocale(Locale.ENGLISH);
    Path file = temp.resolve("flow.json");
    FileDialogs dialogs = new FileDialogs() {
      @Override
      public Optional<Path> chooseOpen(Window owner, Path folder) {
        return Optional.of(file);
      }

      @Override
      public Optional<Path> chooseSave(Window owner, Path folder, String suggestedName) {
        return Optional.of(file);
      }

      @Override
      public SaveChoice askToSave(Window owner, String designName) {
        questions.add(designName);
        return answer;
      }
    };
    BuilderViewModel vm = new BuilderViewModel(UiExecutor.direct(), new DesignHandoff(), temp.resolve("designs"),
        new SystemDesignClipboard());
    view = new BuilderView(vm, dialogs, temp.resolve("designs"));
    stage.setScene(new Scene(view.root(), 1280, 800));
    stage.show();
  }

  private Point2D canvasPoint(FxRobot robot, double fx, double fy) {
    Bounds b = robot.lookup("#builder-canvas").query().localToScreen(robot.lookup("#builder-canvas").query().getBoundsInLocal());
    return new Point2D(b.getMinX() + b.getWidth() * fx, b.getMinY() + b.getHeight() * fy);
  }

  private static String text(FxRobot robot, String query) {
    return robot.lookup(query).queryAs(Label.class).getText();
  }

  @Test
  void dragConnectBreakUndoInsertSaveAndReopen(FxRobot robot) throws Exception {
    robot.clickOn("#builder-zoom-out");
    String[] palette = {"input", "conv2d", "flatten", "dense", "output"};
    for (int i = 0; i < palette.length; i++) {
      robot.drag("#palette-" + palette[i]).dropTo(canvasPoint(robot, i % 2 == 0 ? 0.35 : 0.6, 0.1 + 0.19 * i));
    }
    waitForFxEvents();
    Design design = view.viewModel().design();
    assertEquals(5, design.nodes().size(), design.toString());

    String[] ids = {"input1", "conv1", "flatten1", "dense1", "output1"};
    for (int i = 0; i + 1 < ids.length; i++) {
      robot.drag("#out-" + ids[i]).dropTo("#shape-" + ids[i + 1]);
    }
    waitForFxEvents();
    assertEquals("[256, 1, 28, 28]", text(robot, "#edgelabel-input1-conv1"));
    assertEquals("[256, 16, 28, 28]", text(robot, "#edgelabel-conv1-flatten1"));
    assertEquals("[256, 12544]", text(robot, "#edgelabel-flatten1-dense1"));
    assertEquals("[256, 64]", text(robot, "#edgelabel-dense1-output1"));
    assertTrue(view.viewModel().inferred().isComplete());

    robot.clickOn("#shape-conv1");
    robot.doubleClickOn("#field-kernel").write("31");
    waitForFxEvents();
    Label problem = robot.lookup("#problem-conv1").queryAs(Label.class);
    assertTrue(problem.isVisible());
    assertTrue(problem.getText().contains("conv1") && problem.getText().contains("31"), problem.getText());
    assertTrue(robot.lookup("#node-conv1").query().getPseudoClassStates().toString().contains("error"));
    assertEquals("[256, 1, 28, 28]", text(robot, "#edgelabel-input1-conv1"), "the rest keeps its shapes");

    robot.clickOn(canvasPoint(robot, 0.9, 0.95));
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    waitForFxEvents();
    assertFalse(robot.lookup("#problem-conv1").queryAs(Label.class).isVisible());
    assertEquals("[256, 16, 28, 28]", text(robot, "#edgelabel-conv1-flatten1"));

    Node edge = robot.lookup("#edgelabel-flatten1-dense1").query();
    Bounds label = edge.localToScreen(edge.getBoundsInLocal());
    robot.drag("#palette-dropout").dropTo(new Point2D(label.getMinX() - 6 * zoom(), label.getMinY() + 9 * zoom()));
    waitForFxEvents();
    assertEquals(java.util.List.of("dropout1"), view.viewModel().design().node("dense1").orElseThrow().inputs());
    assertEquals("[256, 12544]", text(robot, "#edgelabel-dropout1-dense1"));

    Node dropoutToDense = robot.lookup("#edgelabel-dropout1-dense1").query();
    robot.clickOn(dropoutToDense);
    assertEquals(java.util.Set.of(new Connection("dropout1", "dense1")), view.viewModel().selectedConnections());
    assertTrue(robot.lookup("#edge-dropout1-dense1").query().getPseudoClassStates().toString().contains("selected"));
    robot.push(KeyCode.DELETE);
    waitForFxEvents();
    assertEquals(java.util.List.of(), view.viewModel().design().node("dense1").orElseThrow().inputs());
    assertTrue(robot.lookup("#edge-dropout1-dense1").tryQuery().isEmpty());
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    waitForFxEvents();
    assertEquals(java.util.List.of("dropout1"), view.viewModel().design().node("dense1").orElseThrow().inputs());

    robot.clickOn("#shape-conv1");
    robot.press(KeyCode.SHIFT).clickOn("#shape-flatten1").release(KeyCode.SHIFT);
    robot.push(KeyCode.CONTROL, KeyCode.C);
    waitForFxEvents();
    String copied = clipboardText(robot);
    assertEquals(java.util.List.of("conv1", "flatten1"),
        NetworkSpecJson.readDraft(copied).nodes().stream().map(n -> n.id()).toList(), "network JSON on the system clipboard");
    robot.push(KeyCode.CONTROL, KeyCode.V);
    waitForFxEvents();
    assertEquals(java.util.Set.of("conv2", "flatten2"), view.viewModel().selection());
    assertEquals("?", text(robot, "#shape-conv2"), "the pasted conv has no input yet");
    assertEquals(java.util.List.of("conv2"), view.viewModel().design().node("flatten2").orElseThrow().inputs());
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    waitForFxEvents();
    assertTrue(view.viewModel().design().node("conv2").isEmpty());

    robot.clickOn("#builder-save");
    waitForFxEvents();
    Path file = temp.resolve("flow.json");
    assertTrue(Files.exists(file));
    assertEquals(view.viewModel().design().spec(), NetworkSpecJson.read(file));
    Design saved = view.viewModel().design();

    robot.clickOn("#builder-new");
    assertTrue(view.viewModel().design().nodes().isEmpty());
    assertEquals(java.util.List.of(), questions, "a saved design is replaced without a question");

    robot.drag("#palette-dense").dropTo(canvasPoint(robot, 0.5, 0.5));
    waitForFxEvents();
    robot.clickOn("#builder-open");
    assertEquals(java.util.List.of("Untitled network"), questions);
    assertEquals(1, view.viewModel().design().nodes().size(), "Cancel keeps the unsaved design");
    Window window = stage;
    robot.interact(() -> window.fireEvent(new javafx.stage.WindowEvent(window, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
    assertTrue(stage.isShowing(), "Cancel keeps the window open");
    assertEquals(2, questions.size());
    answer = SaveChoice.DISCARD;
    robot.clickOn("#builder-open");
    waitForFxEvents();
    assertEquals(saved, view.viewModel().design());
    assertEquals("[256, 16, 28, 28]", text(robot, "#edgelabel-conv1-flatten1"));
  }

  @Test
  void showingAnotherWorkspaceAutosavesAtOnce(FxRobot robot, @TempDir Path workspace) throws Exception {
    Path designs = workspace.resolve("designs");
    BuilderView fresh = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
      BuilderView v = new BuilderView(new BuilderViewModel(UiExecutor.direct(), new DesignHandoff(), designs,
          new SystemDesignClipboard()), FileDialogs.system(), designs);
      stage.getScene().setRoot(v.root());
      return v;
    }).get();
    waitForFxEvents();
    robot.drag("#palette-dense").dropTo(canvasPoint(robot, 0.5, 0.5));
    waitForFxEvents();
    assertTrue(fresh.viewModel().dirtyProperty().get());
    Path autosave = designs.resolve("autosave.json");
    assertFalse(Files.exists(autosave), "the 30 s autosave has not come yet");
    // the shell shows another workspace: the builder leaves the window's scene
    robot.interact(() -> stage.getScene().setRoot(new javafx.scene.layout.Pane()));
    waitForFxEvents();
    assertTrue(Files.exists(autosave), "the unsaved layer is kept at once");
    assertTrue(Files.readString(autosave).contains("\"dense"), Files.readString(autosave));
  }

  private static String clipboardText(FxRobot robot) {
    String[] text = new String[1];
    robot.interact(() -> text[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
    return text[0];
  }

  private double zoom() {
    return view.canvas().zoomLevel();
  }
}
