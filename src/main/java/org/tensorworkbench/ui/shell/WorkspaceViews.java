package org.tensorworkbench.ui.shell;

import java.util.function.Function;
import javafx.scene.Node;
import org.tensorworkbench.ui.builder.BuilderView;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.LessonTarget;
import org.tensorworkbench.ui.data.DatasetsView;
import org.tensorworkbench.ui.generalization.GeneralizationView;
import org.tensorworkbench.ui.kernels.KernelLabView;
import org.tensorworkbench.ui.learn.LearnView;
import org.tensorworkbench.ui.learn.LessonWorkspaces;
import org.tensorworkbench.ui.norm.NormLabView;
import org.tensorworkbench.ui.playground.PlaygroundView;
import org.tensorworkbench.ui.tensors.TensorLabView;
import org.tensorworkbench.ui.training.TrainingView;
import org.tensorworkbench.ui.transfer.TransferView;
import org.tensorworkbench.ui.tuning.TuningView;

/** Creates the view of each workspace: one line per workspace. */
public final class WorkspaceViews {
  private WorkspaceViews() {}

  /**
   * A workspace's view as the shell keeps it: its root node, and the view itself when a lesson can
   * prepare and check it.
   *
   * @param root what the shell shows
   * @param target the view as a {@link LessonTarget}, or null when it is not one
   */
  public record Mounted(Node root, LessonTarget target) {
    static <V> Mounted of(V view, Function<V, ? extends Node> root) {
      return new Mounted(root.apply(view), view instanceof LessonTarget t ? t : null);
    }
  }

  /**
   * @param workspaces how the Learn workspace opens the others
   */
  public static Mounted create(Workspace workspace, AppContext context, LessonWorkspaces workspaces) {
    return switch (workspace) {
      case LEARN -> Mounted.of(new LearnView(context, workspaces), LearnView::root);
      case BUILDER -> Mounted.of(new BuilderView(context), BuilderView::root);
      case TRAINING -> Mounted.of(new TrainingView(context), TrainingView::root);
      case KERNEL_LAB -> Mounted.of(new KernelLabView(context), KernelLabView::root);
      case TENSOR_LAB -> Mounted.of(new TensorLabView(context), TensorLabView::root);
      case NORM_LAB -> Mounted.of(new NormLabView(context), NormLabView::root);
      case PLAYGROUND -> Mounted.of(new PlaygroundView(context), PlaygroundView::root);
      case GENERALIZATION -> Mounted.of(new GeneralizationView(context), GeneralizationView::root);
      case TUNING -> Mounted.of(new TuningView(context), TuningView::root);
      case TRANSFER -> Mounted.of(new TransferView(context), TransferView::root);
      case DATASETS -> Mounted.of(new DatasetsView(context), DatasetsView::root);
    };
  }
}
