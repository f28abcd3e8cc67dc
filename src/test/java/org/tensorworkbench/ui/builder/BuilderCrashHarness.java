package org.tensorworkbench.ui.builder;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.ui.builder.model.Position;
import org.tensorworkbench.ui.common.DesignHandoff;
import org.tensorworkbench.ui.common.FxUiExecutor;

/**
 * The builder as the app runs it (its view, view model, background executor and autosave timer)
 * in a JVM of its own, for {@link BuilderCrashRecoveryTest} to kill: it drops one Dense layer on
 * the empty canvas, prints {@code edited} and runs until it is killed. The autosave period is the
 * only change, a second instead of thirty.
 */
public final class BuilderCrashHarness {
  private BuilderCrashHarness() {}

  public static void main(String[] args) throws InterruptedException {
    Path designs = Path.of(args[0]);
    Platform.startup(() -> {
      BuilderViewModel vm = new BuilderViewModel(new FxUiExecutor(), new DesignHandoff(), designs);
      BuilderView view = new BuilderView(vm, FileDialogs.system(), designs, Duration.seconds(1));
      Stage stage = new Stage();
      stage.setScene(new Scene(view.root(), 1000, 700));
      stage.show();
      vm.addLayer(DenseSpec.of(64), new Position(240, 160));
      System.out.println("edited");
      System.out.flush();
    });
    Thread.sleep(Long.MAX_VALUE);
  }
}
