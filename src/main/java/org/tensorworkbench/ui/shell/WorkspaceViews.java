package org.tensorworkbench.ui.shell;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.tensorworkbench.app.AppContext;
import org.tensorworkbench.ui.builder.BuilderView;
import org.tensorworkbench.ui.common.I18n;

/** Creates the view of each workspace; a workspace not built yet says what it will do. */
public final class WorkspaceViews {
  private WorkspaceViews() {}

  public static Node create(Workspace workspace, AppContext context) {
    return switch (workspace) {
      // one case per finished workspace, e.g. case KERNEL_LAB -> new KernelLabView(context).root();
      case BUILDER -> new BuilderView(context).root();
      default -> placeholder(workspace);
    };
  }

  private static Node placeholder(Workspace workspace) {
    Label title = new Label();
    title.textProperty().bind(I18n.text(workspace.titleKey()));
    title.getStyleClass().add("workspace-title");
    Label text = new Label();
    text.textProperty().bind(I18n.text("shell.placeholder." + workspace.id()));
    text.setWrapText(true);
    VBox box = new VBox(12, title, text);
    box.setPadding(new Insets(24));
    box.setId("placeholder-" + workspace.id());
    return box;
  }
}
