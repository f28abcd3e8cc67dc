package org.tensorworkbench.ui.shell;

import javafx.scene.Node;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.builder.BuilderView;
import org.tensorworkbench.ui.data.DatasetsView;
import org.tensorworkbench.ui.kernels.KernelLabView;
import org.tensorworkbench.ui.norm.NormLabView;
import org.tensorworkbench.ui.tensors.TensorLabView;
import org.tensorworkbench.ui.training.TrainingView;
import org.tensorworkbench.ui.tuning.TuningView;

/** Creates the view of each workspace: one line per workspace. */
public final class WorkspaceViews {
  private WorkspaceViews() {}

  public static Node create(Workspace workspace, AppContext context) {
    return switch (workspace) {
      case BUILDER -> new BuilderView(context).root();
      case TRAINING -> new TrainingView(context).root();
      case KERNEL_LAB -> new KernelLabView(context).root();
      case TENSOR_LAB -> new TensorLabView(context).root();
      case NORM_LAB -> new NormLabView(context).root();
      case TUNING -> new TuningView(context).root();
      case DATASETS -> new DatasetsView(context).root();
    };
  }
}
