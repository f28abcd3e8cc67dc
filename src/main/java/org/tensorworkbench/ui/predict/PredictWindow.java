package org.tensorworkbench.ui.predict;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.tensorworkbench.engine.export.OpenedModel;
import org.tensorworkbench.ui.common.Appearance;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.UiExecutor;

/** The Predict panel in a window of its own, opened from the builder's "Open model…". */
public final class PredictWindow {
  private PredictWindow() {}

  /**
   * Opens {@code model} in a new Predict window; {@code onOpened} is told of every model the
   * window opens (the builder shows its graph).
   */
  public static Stage show(Window owner, UiExecutor executor, Path model, Consumer<OpenedModel> onOpened) {
    PredictViewModel vm = new PredictViewModel(executor, onOpened);
    PredictView view = new PredictView(vm, PredictDialogs.system());
    Appearance.apply(view.root());
    Stage stage = new Stage();
    stage.initOwner(owner);
    stage.titleProperty().bind(I18n.text("export.predict.window"));
    stage.setScene(new Scene(view.root(), 900, 560));
    stage.show();
    vm.open(model);
    return stage;
  }
}
