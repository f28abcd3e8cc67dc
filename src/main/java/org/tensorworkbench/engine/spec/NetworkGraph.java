package org.tensorworkbench.engine.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The edges of a {@link NetworkSpec} as a graph, for walking it in data-flow order. It tolerates
 * broken networks (the builder shows them while they are edited): a duplicated id refers to its
 * first node, inputs naming no node are ignored, and nodes on a cycle are left out of
 * {@link #topologicalOrder()} and reported by {@link #cycles()}.
 */
public final class NetworkGraph {
  private final Map<String, NodeSpec> byId = new LinkedHashMap<>();
  private final Map<String, List<String>> consumers = new HashMap<>();

  private NetworkGraph(NetworkSpec spec) {
    for (NodeSpec node : spec.nodes()) {
      byId.putIfAbsent(node.id(), node);
    }
    for (NodeSpec node : byId.values()) {
      consumers.putIfAbsent(node.id(), new ArrayList<>());
    }
    for (NodeSpec node : byId.values()) {
      for (String input : new HashSet<>(node.inputs())) {
        if (byId.containsKey(input)) {
          consumers.get(input).add(node.id());
        }
      }
    }
  }

  public static NetworkGraph of(NetworkSpec spec) {
    return new NetworkGraph(spec);
  }

  /** The first node with this id, or null. */
  public NodeSpec node(String id) {
    return byId.get(id);
  }

  /** The ids of the nodes that take this node's output, in declaration order. */
  public List<String> consumers(String id) {
    return List.copyOf(consumers.getOrDefault(id, List.of()));
  }

  /**
   * Every node not on or after a cycle, each after all of its inputs (Kahn's algorithm, ties
   * broken by declaration order): the order in which to build or evaluate the network.
   */
  public List<NodeSpec> topologicalOrder() {
    Map<String, Integer> pending = new HashMap<>();
    Deque<String> ready = new ArrayDeque<>();
    for (NodeSpec node : byId.values()) {
      int known = (int) node.inputs().stream().distinct().filter(byId::containsKey).count();
      pending.put(node.id(), known);
      if (known == 0) {
        ready.add(node.id());
      }
    }
    List<NodeSpec> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      String id = ready.poll();
      order.add(byId.get(id));
      for (String next : consumers.get(id)) {
        if (pending.merge(next, -1, Integer::sum) == 0) {
          ready.add(next);
        }
      }
    }
    return order;
  }

  /**
   * One cycle per strongly connected part of the graph that has one, as node ids in data-flow
   * order starting from its first declared node (the start is not repeated at the end).
   */
  public List<List<String>> cycles() {
    List<List<String>> cycles = new ArrayList<>();
    Set<String> done = new HashSet<>();
    Set<String> acyclic = new HashSet<>();
    topologicalOrder().forEach(n -> acyclic.add(n.id()));
    for (String start : byId.keySet()) {
      if (acyclic.contains(start) || done.contains(start)) {
        continue;
      }
      List<String> cycle = shortestCycleThrough(start);
      if (!cycle.isEmpty()) {
        done.addAll(stronglyConnected(start));
        cycles.add(cycle);
      }
    }
    return cycles;
  }

  /** The ids of this node and all nodes it depends on, directly or not. */
  public Set<String> ancestors(String id) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(id));
    while (!todo.isEmpty()) {
      String current = todo.pop();
      NodeSpec node = byId.get(current);
      if (node != null && seen.add(current)) {
        todo.addAll(node.inputs());
      }
    }
    return seen;
  }

  private Set<String> descendants(String id) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(id));
    while (!todo.isEmpty()) {
      String current = todo.pop();
      if (seen.add(current)) {
        todo.addAll(consumers.get(current));
      }
    }
    return seen;
  }

  private Set<String> stronglyConnected(String id) {
    Set<String> both = descendants(id);
    both.retainAll(ancestors(id));
    return both;
  }

  private List<String> shortestCycleThrough(String start) {
    Map<String, String> cameFrom = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      String current = queue.poll();
      for (String next : consumers.get(current)) {
        if (next.equals(start)) {
          List<String> path = new ArrayList<>();
          for (String at = current; at != null; at = cameFrom.get(at)) {
            path.add(0, at);
          }
          return path;
        }
        if (!cameFrom.containsKey(next)) {
          cameFrom.put(next, current);
          queue.add(next);
        }
      }
    }
    return List.of();
  }
}
