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
 * spans the rows it bypasses.
 *
 * <p>Columns keep chains straight: a node with one input stands under it. Two nodes fed by the
 * same node in one row are a main path and a side path (a residual block's 1x1 shortcut): the one
 * with the longer way ahead stays under the input, the other goes one column right. Three or
 * more (Inception's branches) are centred under it. A merge with two inputs continues the
 * deeper one, the main path; with more it is centred between them. Nodes that would share a
 * column in a row are pushed right. Nodes caught in a loop, which a valid network never has, go
 * to a last row.
 */
public final class AutoLayout {
  private static final double COLUMN = NodeGeometry.WIDTH + NodeGeometry.COLUMN_GAP;
  private static final double ROW = NodeGeometry.HEIGHT + NodeGeometry.ROW_GAP;

  private AutoLayout() {}

  public static Map<String, Position> positions(NetworkSpec spec) {
    List<List<NodeSpec>> rows = rows(spec);
    Map<String, Integer> rowOf = new HashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      for (NodeSpec n : rows.get(r)) {
        rowOf.put(n.id(), r);
      }
    }
    Map<String, Integer> ahead = stepsAhead(rows);
    Map<String, Double> column = new HashMap<>();
    Map<String, Position> positions = new HashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      List<NodeSpec> row = rows.get(r);
      Map<String, Double> preferred = new HashMap<>();
      List<NodeSpec> sources = row.stream().filter(n -> placedInputs(n, column).isEmpty()).toList();
      for (NodeSpec n : row) {
        List<String> inputs = placedInputs(n, column);
        double c;
        if (inputs.isEmpty()) {
          c = sources.indexOf(n) - (sources.size() - 1) / 2.0;
        } else if (inputs.size() == 1) {
          c = underInput(n, inputs.get(0), row, column, ahead);
        } else if (inputs.size() == 2) {
          int r0 = rowOf.get(inputs.get(0));
          int r1 = rowOf.get(inputs.get(1));
          c = r0 == r1 ? (column.get(inputs.get(0)) + column.get(inputs.get(1))) / 2
              : column.get(r0 > r1 ? inputs.get(0) : inputs.get(1));
        } else {
          c = inputs.stream().mapToDouble(column::get).average().orElse(0);
        }
        preferred.put(n.id(), c);
      }
      List<NodeSpec> ordered = new ArrayList<>(row);
      ordered.sort(Comparator.comparingDouble(n -> preferred.get(n.id())));
      double previous = Double.NEGATIVE_INFINITY;
      for (NodeSpec n : ordered) {
        double c = Math.max(preferred.get(n.id()), previous + 1);
        column.put(n.id(), c);
        positions.put(n.id(), new Position(c * COLUMN, r * ROW));
        previous = c;
      }
    }
    return positions;
  }

  /** The column of a node fed by one input, given the other nodes of its row fed by the same input. */
  private static double underInput(NodeSpec n, String input, List<NodeSpec> row, Map<String, Double> column,
      Map<String, Integer> ahead) {
    List<NodeSpec> siblings = row.stream().filter(s -> placedInputs(s, column).equals(List.of(input))).toList();
    double under = column.get(input);
    if (siblings.size() == 2) {
      NodeSpec other = siblings.get(0) == n ? siblings.get(1) : siblings.get(0);
      boolean main = ahead.get(n.id()) > ahead.get(other.id())
          || ahead.get(n.id()).equals(ahead.get(other.id())) && siblings.get(0) == n;
      return main ? under : under + 1;
    }
    return under + siblings.indexOf(n) - (siblings.size() - 1) / 2.0;
  }

  /** The distinct inputs of {@code n} that already have a column. */
  private static List<String> placedInputs(NodeSpec n, Map<String, Double> column) {
    return n.inputs().stream().filter(column::containsKey).distinct().toList();
  }

  /** The longest number of connections from each node to a node that feeds nothing. */
  private static Map<String, Integer> stepsAhead(List<List<NodeSpec>> rows) {
    Map<String, Integer> ahead = new HashMap<>();
    for (int r = rows.size() - 1; r >= 0; r--) {
      for (NodeSpec n : rows.get(r)) {
        ahead.putIfAbsent(n.id(), 0);
        for (String input : n.inputs()) {
          ahead.merge(input, ahead.get(n.id()) + 1, Math::max);
        }
      }
    }
    return ahead;
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
