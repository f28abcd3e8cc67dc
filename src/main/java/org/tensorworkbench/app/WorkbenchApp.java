package org.tensorworkbench.app;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.tensorworkbench.ui.common.FxUiExecutor;
import org.tensorworkbench.ui.shell.ShellView;

/** The JavaFX application: wires the {@link AppContext} once and shows the shell. */
public final class WorkbenchApp extends Application {
  private FxUiExecutor executor;

  static void launchApp(String[] args) {
    Application.launch(WorkbenchApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    executor = new FxUiExecutor();
    AppContext context = new AppContext(executor, ProjectHome.find(),
        Path.of(System.getProperty("user.home"), "TensorWorkbench"));
    ShellView shell = new ShellView(context);
    stage.setTitle("Tensor Workbench");
    stage.setScene(new Scene(shell.root(), 1200, 800));
    stage.show();
    shell.startEngine();
  }

  @Override
  public void stop() {
    if (executor != null) {
      executor.shutdown();
    }
  }
}
