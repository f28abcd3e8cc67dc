package org.tensorworkbench.ui.builder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import org.tensorworkbench.engine.spec.NodeShape;
import org.tensorworkbench.ui.builder.model.Design;
import org.tensorworkbench.ui.builder.model.NodeGeometry;
import org.tensorworkbench.ui.builder.model.Position;

/**
 * The engine's explanations beside the nodes whose shapes do not fit. They are drawn above the
 * nodes and connections so nothing hides them, and placed so they never cover each other: each
 * goes right of its node, or left when the right side would cover another node and the left
 * would not, and slides down below a callout already there, with a leader line back to its node.
 */
final class CalloutLayer extends Group {
  static final double MAX_WIDTH = 260;
  private static final double GAP = 12;
  private static final double SPACING = 6;

  private final Map<String, Label> callouts = new HashMap<>();
  private final Map<String, Line> leaders = new HashMap<>();

  CalloutLayer() {
    setMouseTransparent(true);
  }

  /** Shows a callout for every node of {@code design} whose shape inference ended in an error. */
  void update(Design design, Map<String, NodeShape> shapes) {
    Set<String> ids = design.ids();
    callouts.keySet().removeIf(id -> {
      if (!ids.contains(id)) {
        getChildren().removeAll(callouts.get(id), leaders.remove(id));
        return true;
      }
      return false;
    });
    List<String> errors = new ArrayList<>();
    for (String id : ids) {
      NodeShape shape = shapes.get(id);
      boolean error = shape != null && shape.status() == NodeShape.Status.ERROR;
      Label callout = callouts.get(id);
      if (error && callout == null) {
        callout = create(id);
      }
      if (callout != null) {
        callout.setText(error ? shape.problem().text() : "");
        callout.setVisible(error);
        leaders.get(id).setVisible(false);
      }
      if (error) {
        errors.add(id);
      }
    }
    errors.sort(Comparator.comparingDouble((String id) -> design.position(id).y()).thenComparingDouble(id -> design.position(id).x()));
    place(design, errors);
  }

  private Label create(String id) {
    Label callout = new Label();
    callout.setId("problem-" + id);
    callout.getStyleClass().add("node-problem");
    callout.setWrapText(true);
    callout.setMaxWidth(MAX_WIDTH);
    Line leader = new Line();
    leader.getStyleClass().add("problem-leader");
    callouts.put(id, callout);
    leaders.put(id, leader);
    getChildren().addAll(leader, callout);
    return callout;
  }

  private void place(Design design, List<String> errors) {
    List<Bounds> boxes = new ArrayList<>();
    design.positions().values().forEach(p -> boxes.add(box(p)));
    List<Bounds> placed = new ArrayList<>();
    for (String id : errors) {
      Label callout = callouts.get(id);
      callout.applyCss();
      double w = Math.min(MAX_WIDTH, callout.prefWidth(-1));
      double h = callout.prefHeight(w);
      callout.resize(w, h);
      Position p = design.position(id);
      Bounds own = box(p);
      Bounds right = below(new BoundingBox(p.x() + NodeGeometry.WIDTH + GAP, p.y(), w, h), placed);
      Bounds left = below(new BoundingBox(p.x() - GAP - w, p.y(), w, h), placed);
      Bounds chosen = coversANode(right, boxes, own) && !coversANode(left, boxes, own) ? left : right;
      callout.relocate(chosen.getMinX(), chosen.getMinY());
      placed.add(chosen);
      Line leader = leaders.get(id);
      boolean onRight = chosen == right;
      leader.setStartX(onRight ? own.getMaxX() : own.getMinX());
      leader.setStartY(own.getMinY() + own.getHeight() / 2);
      leader.setEndX(onRight ? chosen.getMinX() : chosen.getMaxX());
      leader.setEndY(Math.min(chosen.getMinY() + 12, chosen.getMaxY()));
      leader.setVisible(chosen.getMinY() > own.getMinY());
    }
  }

  /** {@code wanted}, moved down until it no longer overlaps any of {@code placed}. */
  private static Bounds below(Bounds wanted, List<Bounds> placed) {
    Bounds b = wanted;
    boolean moved = true;
    while (moved) {
      moved = false;
      for (Bounds other : placed) {
        if (b.intersects(other)) {
          b = new BoundingBox(b.getMinX(), other.getMaxY() + SPACING, b.getWidth(), b.getHeight());
          moved = true;
        }
      }
    }
    return b;
  }

  private static boolean coversANode(Bounds callout, List<Bounds> boxes, Bounds own) {
    return boxes.stream().anyMatch(b -> !b.equals(own) && b.intersects(callout));
  }

  private static Bounds box(Position p) {
    return new BoundingBox(p.x(), p.y(), NodeGeometry.WIDTH, NodeGeometry.HEIGHT);
  }
}
