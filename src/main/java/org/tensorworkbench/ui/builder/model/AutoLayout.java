package org.tensorworkbench.ui.builder.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.NodeSpec;

/**
 * Lays a network out top to bottom, the way d2l draws its architectures: each node sits one row
 * below the lowest of its inputs (longest-path layering), so a chain such as LeNet is a column,
 * the branches of an Inception block share rows side by side, and a ResNet skip connection
 * spans the rows it bypasses. Within a row nodes are ordered by the mean column of their inputs
 * (the barycenter heuristic of Sugiyama et al. 1981), which keeps crossings few. Nodes caught in
 * a loop, which a valid network never has, go to a last row.
 */
public final class AutoLayout {
  private static final double COLUMN = NodeGeometry.WIDTH + NodeGeometry.COLUMN_GAP;
  private static final double ROW = NodeGeometry.HEIGHT + NodeGeometry.ROW_GAP;

  private AutoLayout() {}

  public static Map<String, Position> positions(NetworkSpec spec) {
    List<List<NodeSpec>> rows = rows(spec);
    Map<String, Double> column = new HashMap<>();
    Map<String, Position> positions = new HashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      List<NodeSpec> row = new ArrayList<>(rows.get(r));
      Map<String, Double> barycenter = new HashMap<>();
      for (int i = 0; i < row.size(); i++) {
        NodeSpec n = row.get(i);
        double fallback = i;
        barycenter.put(n.id(), n.inputs().stream().filter(column::containsKey)
            .mapToDouble(column::get).average().orElse(fallback));
      }
      row.sort(Comparator.comparingDouble(n -> barycenter.get(n.id())));
      double left = -(row.size() - 1) / 2.0;
      for (int i = 0; i < row.size(); i++) {
        NodeSpec n = row.get(i);
        column.put(n.id(), left + i);
        positions.put(n.id(), new Position((left + i) * COLUMN, r * ROW));
      }
    }
    return positions;
  }

  /** The nodes grouped by row: a node's row is one more than the deepest of its inputs. */
  static List<List<NodeSpec>> rows(NetworkSpec spec) {
    Map<String, NodeSpec> byId = new HashMap<>();
    spec.nodes().forEach(n -> byId.put(n.id(), n));
    Map<String, Integer> depth = new HashMap<>();
    Map<String, Integer> pending = new HashMap<>();
    Map<String, List<String>> consumers = new HashMap<>();
    List<String> ready = new ArrayList<>();
    for (NodeSpec n : spec.nodes()) {
      List<String> known = n.inputs().stream().filter(byId::containsKey).distinct().toList();
      pending.put(n.id(), known.size());
      known.forEach(i -> consumers.computeIfAbsent(i, k -> new ArrayList<>()).add(n.id()));
      if (known.isEmpty()) {
        ready.add(n.id());
        depth.put(n.id(), 0);
      }
    }
    for (int i = 0; i < ready.size(); i++) {
      String id = ready.get(i);
      for (String c : consumers.getOrDefault(id, List.of())) {
        depth.merge(c, depth.get(id) + 1, Math::max);
        if (pending.merge(c, -1, Integer::sum) == 0) {
          ready.add(c);
        }
      }
    }
    int last = depth.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    List<List<NodeSpec>> rows = new ArrayList<>();
    for (NodeSpec n : spec.nodes()) {
      int row = pending.get(n.id()) == 0 ? depth.get(n.id()) : last;
      while (rows.size() <= row) {
        rows.add(new ArrayList<>());
      }
      rows.get(row).add(n);
    }
    return rows;
  }
}
