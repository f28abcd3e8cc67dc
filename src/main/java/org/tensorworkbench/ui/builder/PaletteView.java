package org.tensorworkbench.ui.builder;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.tensorworkbench.ui.builder.model.LayerCatalog;
import org.tensorworkbench.ui.common.I18n;

/**
 * Every layer kind, grouped as d2l introduces them, each with a one-line explanation on hover.
 * A layer is dragged onto the canvas with an ordinary press-drag-release (a ghost follows the
 * pointer across the window), or added in the middle of the view by a double-click.
 */
final class PaletteView extends ScrollPane {
  private final GraphCanvas canvas;
  private final Pane dragLayer;
  private final Label ghost = new Label();
  private LayerCatalog.Entry dragging;

  /**
   * @param dragLayer a mouse-transparent layer above the whole builder, where the ghost is drawn
   */
  PaletteView(GraphCanvas canvas, Pane dragLayer) {
    this.canvas = canvas;
    this.dragLayer = dragLayer;
    setId("builder-palette");
    getStyleClass().add("palette");
    ghost.getStyleClass().addAll("palette-item", "palette-ghost");
    ghost.setManaged(false);
    ghost.setVisible(false);
    dragLayer.getChildren().add(ghost);
    VBox groups = new VBox(6);
    groups.setPadding(new Insets(6));
    for (LayerCatalog.Group group : LayerCatalog.Group.values()) {
      VBox items = new VBox(4);
      LayerCatalog.inGroup(group).forEach(entry -> items.getChildren().add(item(entry)));
      TitledPane pane = new TitledPane(null, items);
      pane.textProperty().bind(I18n.text(group.titleKey()));
      pane.setId("palette-group-" + group.name().toLowerCase(java.util.Locale.ROOT));
      groups.getChildren().add(pane);
    }
    setContent(groups);
    setFitToWidth(true);
    setHbarPolicy(ScrollBarPolicy.NEVER);
    setPrefWidth(195);
    setMinWidth(150);
  }

  private Label item(LayerCatalog.Entry entry) {
    Label item = new Label();
    item.textProperty().bind(I18n.text(entry.nameKey()));
    item.setId("palette-" + entry.id());
    item.getStyleClass().add("palette-item");
    item.setMaxWidth(Double.MAX_VALUE);
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(I18n.text(entry.hintKey()));
    tip.setWrapText(true);
    tip.setMaxWidth(320);
    tip.setShowDelay(Duration.millis(300));
    Tooltip.install(item, tip);
    item.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
      if (e.getButton() == MouseButton.PRIMARY) {
        dragging = entry;
        e.consume();
      }
    });
    item.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
      if (dragging != null) {
        ghost.setText(item.getText());
        ghost.setVisible(true);
        ghost.autosize();
        javafx.geometry.Point2D p = dragLayer.sceneToLocal(e.getSceneX(), e.getSceneY());
        ghost.relocate(p.getX() - ghost.getWidth() / 2, p.getY() - ghost.getHeight() / 2);
        canvas.hoverDrop(e.getSceneX(), e.getSceneY());
        e.consume();
      }
    });
    item.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
      if (dragging != null && ghost.isVisible()) {
        canvas.drop(dragging.prototype(), e.getSceneX(), e.getSceneY());
      }
      dragging = null;
      ghost.setVisible(false);
      e.consume();
    });
    item.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
      if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
        canvas.addAtCentre(entry.prototype());
      }
    });
    return item;
  }
}
