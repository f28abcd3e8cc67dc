package org.tensorworkbench.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.tensorworkbench.app.AppContext;
import org.tensorworkbench.ui.builder.BuilderView;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.data.DatasetsView;
import org.tensorworkbench.ui.kernels.KernelLabView;
import org.tensorworkbench.ui.norm.NormLabView;
import org.tensorworkbench.ui.tensors.TensorLabView;
import org.tensorworkbench.ui.training.TrainingView;

/** Creates the view of each workspace; a workspace not built yet says what it will do. */
public final class WorkspaceViews {
  private WorkspaceViews() {}

  public static Node create(Workspace workspace, AppContext context) {
    return switch (workspace) {
      // one case per finished workspace, e.g. case KERNEL_LAB -> new KernelLabView(context).root();
      case BUILDER -> new BuilderView(context).root();
      case TRAINING -> new TrainingView(context).root();
      case KERNEL_LAB -> new KernelLabView(context).root();
      case TENSOR_LAB -> new TensorLabView(context).root();
      case NORM_LAB -> new NormLabView(context).root();
      case DATASETS -> new DatasetsView(context).root();
      default -> placeholder(workspace);
    };
  }

  /** A card with the workspace's symbol, title and what it will let the user do. */
  private static Node placeholder(Workspace workspace) {
    Label title = new Label();
    title.textProperty().bind(I18n.text(workspace.titleKey()));
    title.getStyleClass().add("workspace-title");
    Label badge = new Label();
    badge.textProperty().bind(I18n.text("shell.placeholder.badge"));
    badge.getStyleClass().add("badge");
    VBox heading = new VBox(title, badge);
    heading.getStyleClass().add("placeholder-heading");
    StackPane tile = new StackPane(WorkspaceIcon.create(workspace, "icon-large"));
    tile.getStyleClass().addAll("icon-tile", "workspace-" + workspace.id());
    HBox header = new HBox(tile, heading);
    header.getStyleClass().add("placeholder-header");
    header.setAlignment(Pos.CENTER_LEFT);

    Label text = new Label();
    text.textProperty().bind(I18n.text("shell.placeholder." + workspace.id()));
    text.setWrapText(true);
    text.getStyleClass().add("placeholder-text");

    VBox card = new VBox(header, text);
    card.getStyleClass().add("placeholder-card");
    card.setMaxHeight(Region.USE_PREF_SIZE);
    StackPane page = new StackPane(card);
    page.getStyleClass().add("placeholder-page");
    StackPane.setAlignment(card, Pos.TOP_CENTER);
    page.setId("placeholder-" + workspace.id());
    return page;
  }
}
