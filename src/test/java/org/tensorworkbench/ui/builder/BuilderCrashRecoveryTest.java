package org.tensorworkbench.ui.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.ui.builder.model.Position;
import org.tensorworkbench.ui.common.DesignHandoff;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.UiExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The crash of issue 19, for real: a builder in another JVM gets one unconnected Dense layer,
 * autosaves it, and is killed with SIGKILL; the builder started next offers the design, and
 * Restore brings it back where it was drawn.
 */
@ExtendWith(ApplicationExtension.class)
class BuilderCrashRecoveryTest {
  @TempDir
  Path temp;

  @Test
  void aDesignAutosavedBeforeAKillIsOfferedAndRestored(FxRobot robot) throws Exception {
    Path designs = temp.resolve("designs");
    Path autosave = designs.resolve("autosave.json");
    Process app = startHarness(designs);
    try {
      awaitLine(app, "edited");
      // the harness autosaves every second; a minute is only the bound of a stuck subprocess
      long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.exists(autosave) && app.isAlive() && System.nanoTime() < giveUp) {
        Thread.sleep(100);
      }
      assertTrue(Files.exists(autosave), "the running builder autosaved");
    } finally {
      app.destroyForcibly(); // SIGKILL: no window-closing handler runs
      app.waitFor();
    }
    assertTrue(Files.exists(autosave), "the kill left the autosave");

    I18n.setLocale(Locale.ENGLISH);
    BuilderViewModel vm = new BuilderViewModel(UiExecutor.direct(), new DesignHandoff(), designs);
    robot.interact(() -> {
      BuilderView view = new BuilderView(vm, FileDialogs.system(), designs);
      Stage stage = new Stage();
      stage.setScene(new Scene(view.root(), 1280, 800));
      stage.show();
    });
    waitForFxEvents();
    assertTrue(robot.lookup("#builder-restore").tryQuery().isPresent(), "the restart offers the lost design");
    Label offer = robot.lookup(".recovery-bar .label").queryAs(Label.class);
    assertTrue(offer.getText().contains("(1 layer, Untitled network)"), offer.getText());
    assertTrue(vm.design().nodes().isEmpty());

    robot.clickOn("#builder-restore");
    waitForFxEvents();
    assertEquals(List.of(NodeSpec.of("dense1", DenseSpec.of(64))), vm.design().nodes());
    assertEquals(new Position(240, 160), vm.design().position("dense1"));
    assertTrue(vm.dirtyProperty().get(), "restored work stays unsaved until saved");
    assertFalse(robot.lookup(".recovery-bar").query().isVisible(), "the offer is answered");
    assertTrue(robot.lookup("#node-dense1").tryQuery().isPresent(), "the layer is drawn");
    robot.interact(() -> robot.lookup("#builder-view").query().getScene().getWindow().hide());
  }

  private static Process startHarness(Path designs) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED",
        "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
        "-Djava.awt.headless=true", "-Duser.language=en",
        "-cp", System.getProperty("java.class.path"),
        BuilderCrashHarness.class.getName(), designs.toString()));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static void awaitLine(Process app, String expected) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.equals(expected)) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        return;
      }
      seen.append(line).append('\n');
    }
    throw new AssertionError("the builder did not start:\n" + seen);
  }
}
