package org.tensorworkbench.ui.builder;

import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.tensorworkbench.engine.spec.NodeShape;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.builder.model.NodeGeometry;

/**
 * One layer drawn on the canvas: its name and kind, its settings, its output shape and
 * parameter count, an input port on top and an output port below. A node with a shape error
 * turns red; {@link CalloutLayer} shows the engine's message beside it. Updates touch only what changed, so
 * redrawing a large graph after an edit stays cheap.
 */
final class NodeBox extends VBox {
  final String id;
  final Circle inPort = new Circle(5);
  final Circle outPort = new Circle(6);
  private final Label name = new Label();
  private final Label kind = new Label();
  private final Label settings = new Label();
  private final Label shape = new Label();
  private final Label params = new Label();
  private NodeSpec shownNode;
  private NodeShape shownShape;
  private boolean shownSelected;

  NodeBox(String id) {
    this.id = id;
    setId("node-" + id);
    getStyleClass().add("node-box");
    setPrefSize(NodeGeometry.WIDTH, NodeGeometry.HEIGHT);
    setMinSize(NodeGeometry.WIDTH, NodeGeometry.HEIGHT);
    setMaxSize(NodeGeometry.WIDTH, NodeGeometry.HEIGHT);
    name.getStyleClass().add("node-name");
    kind.getStyleClass().add("node-kind");
    settings.getStyleClass().add("node-settings");
    shape.getStyleClass().add("node-shape");
    shape.setId("shape-" + id);
    params.getStyleClass().add("node-params");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Region spacer2 = new Region();
    HBox.setHgrow(spacer2, Priority.ALWAYS);
    HBox top = new HBox(6, name, spacer, kind);
    top.setAlignment(Pos.CENTER_LEFT);
    HBox bottom = new HBox(6, shape, spacer2, params);
    bottom.setAlignment(Pos.CENTER_LEFT);
    getChildren().addAll(top, settings, bottom);
    inPort.getStyleClass().add("port-in");
    outPort.getStyleClass().add("port-out");
    outPort.setId("out-" + id);
    inPort.setCenterX(NodeGeometry.WIDTH / 2);
    outPort.setCenterX(NodeGeometry.WIDTH / 2);
    outPort.setCenterY(NodeGeometry.HEIGHT);
    for (javafx.scene.Node n : new javafx.scene.Node[] {inPort, outPort}) {
      n.setManaged(false);
      getChildren().add(n);
    }
  }

  /** Shows {@code node} with what shape inference found; returns whether anything changed. */
  boolean update(NodeSpec node, NodeShape inferred, boolean selected) {
    if (Objects.equals(node, shownNode) && Objects.equals(inferred, shownShape) && selected == shownSelected) {
      return false;
    }
    shownNode = node;
    shownShape = inferred;
    shownSelected = selected;
    name.setText(node.id());
    kind.setText(LayerText.kind(node.layer()));
    settings.setText(LayerText.settings(node.layer()));
    boolean ok = inferred != null && inferred.isOk();
    boolean error = inferred != null && inferred.status() == NodeShape.Status.ERROR;
    shape.setText(ok ? inferred.output().toString() : "?");
    long count = ok ? inferred.parameterCount() : 0;
    params.setText(count > 0 ? Messages.get("builder.node.params", LayerText.count(count)) : "");
    pseudo("error", error);
    pseudo("blocked", inferred != null && inferred.status() == NodeShape.Status.BLOCKED);
    pseudo("selected", selected);
    requestLayout();
    return true;
  }

  /** Forces the texts to be rebuilt, e.g. after the language changed. */
  void invalidate() {
    shownNode = null;
  }

  private void pseudo(String name, boolean on) {
    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(name), on);
  }
}
