package org.tensorworkbench.ui.builder;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.tensorworkbench.engine.spec.InferredNetwork;
import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.NodeShape;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.ui.builder.model.Connection;
import org.tensorworkbench.ui.builder.model.Design;
import org.tensorworkbench.ui.builder.model.NodeGeometry;
import org.tensorworkbench.ui.builder.model.Position;
import org.tensorworkbench.ui.common.I18n;

/**
 * The drawing of the design: nodes and labelled connections in a zoomable, pannable world.
 * It only draws what the view model holds and turns gestures into commands: a drag of nodes is
 * one Move, a drag from an output port onto a node is one Connect, a drop from the palette is
 * one Add (or Insert when it lands on a connection), a rubber band selects.
 *
 * <p>Redrawing reconciles: node and edge views are kept per id and only changed texts and
 * positions are touched, which keeps an edit of a 100-node graph within a few milliseconds.
 */
final class GraphCanvas extends Pane {
  private static final double MIN_ZOOM = 0.15;
  private static final double MAX_ZOOM = 2.5;
  private static final double READABLE_ZOOM = 0.7;
  private static final double EDGE_HIT = 14;

  private final BuilderViewModel vm;
  private final Group world = new Group();
  private final Group edgeLayer = new Group();
  private final Group nodeLayer = new Group();
  private final Group overlay = new Group();
  private final CalloutLayer callouts = new CalloutLayer();
  private final Translate pan = new Translate();
  private final Scale zoom = new Scale(1, 1, 0, 0);
  private final Map<String, NodeBox> nodes = new HashMap<>();
  private final Map<String, EdgeView> edges = new LinkedHashMap<>();
  private final Line pendingConnection = new Line();
  private final Rectangle rubberBand = new Rectangle();

  private Map<String, Position> dragStart = Map.of();
  private Point2D dragOrigin;
  private boolean dragged;
  private Point2D panOrigin;
  private String connectFrom;
  private EdgeView highlighted;

  GraphCanvas(BuilderViewModel vm) {
    this.vm = vm;
    setId("builder-canvas");
    getStyleClass().add("graph-canvas");
    setFocusTraversable(true);
    world.getTransforms().addAll(pan, zoom);
    pendingConnection.getStyleClass().add("pending-connection");
    pendingConnection.setVisible(false);
    pendingConnection.setMouseTransparent(true);
    rubberBand.getStyleClass().add("rubber-band");
    rubberBand.setVisible(false);
    rubberBand.setMouseTransparent(true);
    overlay.getChildren().addAll(pendingConnection, rubberBand);
    world.getChildren().addAll(edgeLayer, nodeLayer, callouts, overlay);
    getChildren().add(world);
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);

    addEventHandler(MouseEvent.MOUSE_PRESSED, this::backgroundPressed);
    addEventHandler(MouseEvent.MOUSE_DRAGGED, this::backgroundDragged);
    addEventHandler(MouseEvent.MOUSE_RELEASED, this::backgroundReleased);
    addEventHandler(ScrollEvent.SCROLL, this::scrolled);
    setOnContextMenuRequested(e -> {
      contextMenu().show(this, e.getScreenX(), e.getScreenY());
      e.consume();
    });

    // every new design is re-inferred, so the inferred shapes are the one signal to redraw on
    vm.inferredProperty().addListener((obs, old, now) -> redraw());
    vm.selection().addListener((javafx.collections.SetChangeListener<String>) c -> redraw());
    vm.selectedConnections().addListener((javafx.collections.SetChangeListener<Connection>) c -> redraw());
    I18n.onChange(this, () -> {
      nodes.values().forEach(NodeBox::invalidate);
      redraw();
    });
    redraw();
  }

  // ---- drawing ----

  /** Brings the drawing in line with the design, the inferred shapes and the selection. */
  void redraw() {
    Design design = vm.design();
    InferredNetwork inferred = vm.inferred();
    Map<String, NodeShape> shapes = new HashMap<>();
    inferred.nodes().forEach(n -> shapes.put(n.id(), n));
    Set<String> ids = new HashSet<>();
    for (NodeSpec node : design.nodes()) {
      ids.add(node.id());
      NodeBox box = nodes.computeIfAbsent(node.id(), this::createNodeBox);
      box.update(node, shapes.get(node.id()), vm.selection().contains(node.id()));
      Position p = design.position(node.id());
      if (box.getLayoutX() != p.x() || box.getLayoutY() != p.y()) {
        box.relocate(p.x(), p.y());
      }
    }
    nodes.keySet().removeIf(id -> {
      if (!ids.contains(id)) {
        nodeLayer.getChildren().remove(nodes.get(id));
        return true;
      }
      return false;
    });
    Set<String> edgeKeys = new HashSet<>();
    for (NodeSpec node : design.nodes()) {
      List<String> inputs = node.inputs();
      for (String from : inputs) {
        if (!nodes.containsKey(from)) {
          continue;
        }
        String key = from + "->" + node.id();
        edgeKeys.add(key);
        EdgeView edge = edges.computeIfAbsent(key, k -> createEdge(from, node.id()));
        routeEdge(edge, design, node, from);
        NodeShape source = shapes.get(from);
        boolean known = source != null && source.isOk();
        edge.setShape(known ? source.output().toString() : "", known);
        edge.setSelected(vm.selectedConnections().contains(new Connection(from, node.id())));
      }
    }
    edges.keySet().removeIf(key -> {
      if (!edgeKeys.contains(key)) {
        edgeLayer.getChildren().remove(edges.get(key));
        return true;
      }
      return false;
    });
    placeEdgeLabels(design);
    callouts.update(design, shapes);
  }

  /**
   * Routes the connection {@code from -> target}. Inputs arriving on top share the top edge
   * evenly; shortcuts arrive from the side and take no place there.
   */
  private static void routeEdge(EdgeView edge, Design design, NodeSpec target, String from) {
    Position to = design.position(target.id());
    List<String> onTop = target.inputs().stream()
        .filter(i -> !EdgeView.isShortcut(design.position(i), to)).toList();
    int index = onTop.indexOf(from);
    edge.route(design.position(from), to, Math.max(0, index), Math.max(1, onTop.size()));
  }

  /** Puts each shape label at the first of its spots that covers no node and no other label. */
  private void placeEdgeLabels(Design design) {
    List<Bounds> taken = new java.util.ArrayList<>();
    design.positions().values().forEach(p ->
        taken.add(new javafx.geometry.BoundingBox(p.x(), p.y(), NodeGeometry.WIDTH, NodeGeometry.HEIGHT)));
    for (EdgeView edge : edges.values()) {
      double w = edge.label.prefWidth(-1);
      double h = edge.label.prefHeight(-1);
      Bounds chosen = null;
      for (Point2D spot : edge.labelSpots()) {
        Bounds b = new javafx.geometry.BoundingBox(spot.getX(), spot.getY(), w, h);
        if (taken.stream().noneMatch(b::intersects)) {
          chosen = b;
          break;
        }
      }
      if (chosen == null) {
        Point2D first = edge.labelSpots().get(0);
        chosen = new javafx.geometry.BoundingBox(first.getX(), first.getY(), w, h);
      }
      edge.placeLabel(new Point2D(chosen.getMinX(), chosen.getMinY()));
      taken.add(chosen);
    }
  }

  private NodeBox createNodeBox(String id) {
    NodeBox box = new NodeBox(id);
    box.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> nodePressed(box, e));
    box.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> nodeDragged(e));
    box.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> nodeReleased(e));
    box.outPort.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> portPressed(box, e));
    box.outPort.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::portDragged);
    box.outPort.addEventHandler(MouseEvent.MOUSE_RELEASED, this::portReleased);
    nodeLayer.getChildren().add(box);
    return box;
  }

  private EdgeView createEdge(String from, String to) {
    EdgeView edge = new EdgeView(from, to);
    MenuItem remove = new MenuItem();
    remove.textProperty().bind(I18n.text("builder.menu.disconnect"));
    remove.setOnAction(e -> vm.disconnect(edge.from, edge.to));
    ContextMenu menu = new ContextMenu(remove);
    edge.setOnContextMenuRequested(e -> {
      menu.show(edge, e.getScreenX(), e.getScreenY());
      e.consume();
    });
    edge.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
      e.consume();
      requestFocus();
      if (e.getButton() == MouseButton.PRIMARY) {
        vm.selectConnection(new Connection(edge.from, edge.to), e.isShiftDown() || e.isShortcutDown());
      }
    });
    edgeLayer.getChildren().add(edge);
    return edge;
  }

  private ContextMenu contextMenu() {
    MenuItem copy = item("builder.action.copy", vm::copySelection);
    copy.setDisable(vm.selection().isEmpty());
    MenuItem cut = item("builder.action.cut", vm::cutSelection);
    cut.setDisable(vm.selection().isEmpty());
    MenuItem paste = item("builder.action.paste", vm::paste);
    paste.setDisable(!vm.canPaste());
    MenuItem delete = item("builder.action.delete", vm::deleteSelection);
    delete.setDisable(vm.selection().isEmpty() && vm.selectedConnections().isEmpty());
    return new ContextMenu(cut, copy, paste, delete, item("builder.action.selectAll", vm::selectAll),
        item("builder.action.layout", vm::autoLayout), item("builder.action.fit", this::fitToView));
  }

  private static MenuItem item(String key, Runnable action) {
    MenuItem item = new MenuItem(org.tensorworkbench.i18n.Messages.get(key));
    item.setOnAction(e -> action.run());
    return item;
  }

  // ---- nodes: select and move ----

  private void nodePressed(NodeBox box, MouseEvent e) {
    e.consume();
    requestFocus();
    if (e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    boolean extend = e.isShiftDown() || e.isShortcutDown();
    if (extend || !vm.selection().contains(box.id)) {
      vm.select(box.id, extend);
    }
    Map<String, Position> start = new HashMap<>();
    vm.selection().forEach(id -> start.put(id, vm.design().position(id)));
    dragStart = start;
    dragOrigin = toWorld(e.getSceneX(), e.getSceneY());
    dragged = false;
  }

  private void nodeDragged(MouseEvent e) {
    e.consume();
    if (dragOrigin == null) {
      return;
    }
    Point2D now = toWorld(e.getSceneX(), e.getSceneY());
    double dx = now.getX() - dragOrigin.getX();
    double dy = now.getY() - dragOrigin.getY();
    dragged = dragged || Math.hypot(dx, dy) > 2;
    dragStart.forEach((id, p) -> {
      NodeBox box = nodes.get(id);
      if (box != null) {
        box.relocate(p.x() + dx, p.y() + dy);
      }
    });
    Design preview = vm.design().withPositions(moved(dx, dy));
    for (EdgeView edge : edges.values()) {
      if (dragStart.containsKey(edge.from) || dragStart.containsKey(edge.to)) {
        routeEdge(edge, preview, preview.node(edge.to).orElseThrow(), edge.from);
      }
    }
  }

  private void nodeReleased(MouseEvent e) {
    e.consume();
    if (dragOrigin == null) {
      return;
    }
    Point2D now = toWorld(e.getSceneX(), e.getSceneY());
    Map<String, Position> to = moved(now.getX() - dragOrigin.getX(), now.getY() - dragOrigin.getY());
    dragOrigin = null;
    if (dragged) {
      vm.move(to);
    }
  }

  private Map<String, Position> moved(double dx, double dy) {
    Map<String, Position> to = new HashMap<>();
    dragStart.forEach((id, p) -> to.put(id, new Position(Math.round(p.x() + dx), Math.round(p.y() + dy))));
    return to;
  }

  // ---- ports: connect ----

  private void portPressed(NodeBox box, MouseEvent e) {
    e.consume();
    if (e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    connectFrom = box.id;
    Position p = vm.design().position(box.id);
    pendingConnection.setStartX(p.x() + NodeGeometry.WIDTH / 2);
    pendingConnection.setStartY(p.y() + NodeGeometry.HEIGHT);
    portDragged(e);
    pendingConnection.setVisible(true);
  }

  private void portDragged(MouseEvent e) {
    e.consume();
    Point2D w = toWorld(e.getSceneX(), e.getSceneY());
    pendingConnection.setEndX(w.getX());
    pendingConnection.setEndY(w.getY());
  }

  private void portReleased(MouseEvent e) {
    e.consume();
    pendingConnection.setVisible(false);
    String from = connectFrom;
    connectFrom = null;
    if (from != null) {
      nodeAt(toWorld(e.getSceneX(), e.getSceneY())).filter(id -> !id.equals(from)).ifPresent(to -> vm.connect(from, to));
    }
  }

  /** The node whose box contains a world point, the topmost if boxes overlap. */
  Optional<String> nodeAt(Point2D world) {
    Design d = vm.design();
    List<NodeSpec> all = d.nodes();
    for (int i = all.size() - 1; i >= 0; i--) {
      Position p = d.position(all.get(i).id());
      if (world.getX() >= p.x() && world.getX() <= p.x() + NodeGeometry.WIDTH
          && world.getY() >= p.y() - 8 && world.getY() <= p.y() + NodeGeometry.HEIGHT) {
        return Optional.of(all.get(i).id());
      }
    }
    return Optional.empty();
  }

  // ---- background: rubber band, pan, zoom ----

  private void backgroundPressed(MouseEvent e) {
    requestFocus();
    if (e.getButton() == MouseButton.PRIMARY) {
      if (!e.isShiftDown() && !e.isShortcutDown()) {
        vm.clearSelection();
      }
      dragOrigin = null;
      Point2D w = toWorld(e.getSceneX(), e.getSceneY());
      rubberBand.setUserData(w);
      rubberBand.setX(w.getX());
      rubberBand.setY(w.getY());
      rubberBand.setWidth(0);
      rubberBand.setHeight(0);
      rubberBand.setVisible(true);
    } else {
      panOrigin = new Point2D(e.getX() - pan.getX(), e.getY() - pan.getY());
    }
  }

  private void backgroundDragged(MouseEvent e) {
    if (rubberBand.isVisible()) {
      Point2D a = (Point2D) rubberBand.getUserData();
      Point2D b = toWorld(e.getSceneX(), e.getSceneY());
      rubberBand.setX(Math.min(a.getX(), b.getX()));
      rubberBand.setY(Math.min(a.getY(), b.getY()));
      rubberBand.setWidth(Math.abs(a.getX() - b.getX()));
      rubberBand.setHeight(Math.abs(a.getY() - b.getY()));
    } else if (panOrigin != null) {
      pan.setX(e.getX() - panOrigin.getX());
      pan.setY(e.getY() - panOrigin.getY());
    }
  }

  private void backgroundReleased(MouseEvent e) {
    if (rubberBand.isVisible()) {
      rubberBand.setVisible(false);
      if (rubberBand.getWidth() > 3 || rubberBand.getHeight() > 3) {
        Set<String> inside = new HashSet<>(e.isShiftDown() || e.isShortcutDown() ? vm.selection() : Set.of());
        Design d = vm.design();
        for (NodeSpec n : d.nodes()) {
          Position p = d.position(n.id());
          if (rubberBand.intersects(p.x(), p.y(), NodeGeometry.WIDTH, NodeGeometry.HEIGHT)) {
            inside.add(n.id());
          }
        }
        vm.selectOnly(inside);
      }
    }
    panOrigin = null;
  }

  private void scrolled(ScrollEvent e) {
    if (e.isShortcutDown()) {
      zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
    } else {
      pan.setX(pan.getX() + e.getDeltaX());
      pan.setY(pan.getY() + e.getDeltaY());
    }
    e.consume();
  }

  /** Zooms by {@code factor} keeping the canvas point (x, y) still. */
  void zoomAt(double factor, double x, double y) {
    double s = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom.getX() * factor));
    double wx = (x - pan.getX()) / zoom.getX();
    double wy = (y - pan.getY()) / zoom.getY();
    zoom.setX(s);
    zoom.setY(s);
    pan.setX(x - wx * s);
    pan.setY(y - wy * s);
  }

  void zoomBy(double factor) {
    zoomAt(factor, getWidth() / 2, getHeight() / 2);
  }

  double zoomLevel() {
    return zoom.getX();
  }

  /** Scales and centres the view so the whole graph is visible (never above 100 %). */
  void fitToView() {
    fit(MIN_ZOOM);
  }

  /**
   * Shows a newly opened graph: the whole of it if that is readable, else its top at a readable
   * zoom (a long chain such as LeNet is then scrolled with the wheel).
   */
  void showNewGraph() {
    fit(READABLE_ZOOM);
  }

  private void fit(double smallest) {
    Design d = vm.design();
    if (d.nodes().isEmpty() || getWidth() <= 0) {
      pan.setX(getWidth() / 2 - NodeGeometry.WIDTH / 2);
      pan.setY(40);
      return;
    }
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (Position p : d.positions().values()) {
      minX = Math.min(minX, p.x());
      minY = Math.min(minY, p.y());
      maxX = Math.max(maxX, p.x() + NodeGeometry.WIDTH);
      maxY = Math.max(maxY, p.y() + NodeGeometry.HEIGHT);
    }
    double margin = 40;
    double bw = maxX - minX + 2 * margin + NodeGeometry.WIDTH;
    double bh = maxY - minY + 2 * margin;
    double s = Math.max(smallest, Math.min(1.0, Math.min(getWidth() / bw, getHeight() / bh)));
    zoom.setX(s);
    zoom.setY(s);
    pan.setX((getWidth() - (maxX - minX) * s) / 2 - minX * s);
    pan.setY(margin * s - minY * s + Math.max(0, (getHeight() - bh * s) / 2));
  }

  // ---- drops from the palette ----

  /** Whether a scene point is over the visible canvas. */
  boolean containsScene(double sceneX, double sceneY) {
    Point2D local = sceneToLocal(sceneX, sceneY);
    return local != null && local.getX() >= 0 && local.getY() >= 0 && local.getX() <= getWidth() && local.getY() <= getHeight();
  }

  /** While a layer is dragged over the canvas: highlights the connection it would be inserted on. */
  void hoverDrop(double sceneX, double sceneY) {
    EdgeView edge = containsScene(sceneX, sceneY) ? edgeAt(toWorld(sceneX, sceneY)) : null;
    if (edge != highlighted) {
      if (highlighted != null) {
        highlighted.setHighlighted(false);
      }
      highlighted = edge;
      if (edge != null) {
        edge.setHighlighted(true);
      }
    }
  }

  /** Drops a layer at a scene point: onto a connection inserts it there, elsewhere adds it. */
  void drop(LayerSpec layer, double sceneX, double sceneY) {
    hoverDrop(Double.NaN, Double.NaN);
    if (!containsScene(sceneX, sceneY)) {
      return;
    }
    Point2D w = toWorld(sceneX, sceneY);
    Position at = new Position(Math.round(w.getX() - NodeGeometry.WIDTH / 2), Math.round(w.getY() - NodeGeometry.HEIGHT / 2));
    EdgeView edge = edgeAt(w);
    if (edge != null) {
      vm.insertLayer(layer, at, edge.from, edge.to);
    } else {
      vm.addLayer(layer, at);
    }
    requestFocus();
  }

  /** Adds a layer in the middle of the visible area (double-click on the palette). */
  void addAtCentre(LayerSpec layer) {
    Point2D w = new Point2D((getWidth() / 2 - pan.getX()) / zoom.getX(), (getHeight() / 2 - pan.getY()) / zoom.getY());
    vm.addLayer(layer, new Position(Math.round(w.getX() - NodeGeometry.WIDTH / 2), Math.round(w.getY() - NodeGeometry.HEIGHT / 2)));
  }

  private EdgeView edgeAt(Point2D world) {
    EdgeView best = null;
    double bestDistance = EDGE_HIT / zoom.getX();
    for (EdgeView edge : edges.values()) {
      double d = edge.distanceTo(world);
      if (d < bestDistance) {
        best = edge;
        bestDistance = d;
      }
    }
    return best;
  }

  private Point2D toWorld(double sceneX, double sceneY) {
    Point2D local = sceneToLocal(sceneX, sceneY);
    return new Point2D((local.getX() - pan.getX()) / zoom.getX(), (local.getY() - pan.getY()) / zoom.getY());
  }

  /** The bounds of a node's box in scene coordinates, for tests and tooltips. */
  Optional<Bounds> nodeBoundsInScene(String id) {
    return Optional.ofNullable(nodes.get(id)).map(b -> b.localToScene(b.getBoundsInLocal()));
  }

  /** Whether nothing is drawn for nodes that are gone: used by tests of the reconciliation. */
  int drawnNodeCount() {
    return nodes.size();
  }
}
