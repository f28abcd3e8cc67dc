package org.tensorworkbench.engine.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorworkbench.engine.spec.DropoutSpec;
import org.tensorworkbench.engine.spec.InferredNetwork;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.NetworkGraph;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.ShapeInference;
import org.tensorworkbench.engine.spec.SpecValidator;

/**
 * What a network computes at inference, in the order an exported file computes it: the Output
 * and the nodes it depends on, inputs before the layers they feed, each with the shapes of one
 * example. Dropout is the identity at inference, so it is left out and its consumers read its
 * input instead. Nodes that lead nowhere are left out, as the compiler leaves them out.
 */
final class InferenceGraph {
  /**
   * One layer to export.
   *
   * @param inputs the ids of the steps feeding it, past any Dropout
   * @param inputShape the shape of one example of its first input, e.g. [1, 28, 28]
   * @param outputShape the shape of one example of its output
   */
  record Step(String id, LayerSpec layer, List<String> inputs, int[] inputShape, int[] outputShape) {}

  private final NetworkSpec spec;
  private final List<Step> steps;

  private InferenceGraph(NetworkSpec spec, List<Step> steps) {
    this.spec = spec;
    this.steps = steps;
  }

  /** Throws the validator's or shape inference's SpecException for a network that cannot run. */
  static InferenceGraph of(NetworkSpec spec) {
    return of(spec, false);
  }

  /**
   * As {@link #of(NetworkSpec)}; with {@code keepDropout} the Dropout layers stay, for a format
   * that goes on training (PyTorch).
   */
  static InferenceGraph of(NetworkSpec spec, boolean keepDropout) {
    SpecValidator.requireValid(spec);
    NetworkGraph graph = NetworkGraph.of(spec);
    String outputId = spec.nodes().stream().filter(n -> n.layer() instanceof OutputSpec).findFirst().orElseThrow().id();
    Set<String> needed = graph.ancestors(outputId);
    List<NodeSpec> sorted = graph.topologicalOrder().stream().filter(n -> needed.contains(n.id())).toList();
    NetworkSpec used = spec.withNodes(sorted);
    InferredNetwork inferred = ShapeInference.require(used, 1);
    Map<String, String> alias = new HashMap<>();
    List<Step> steps = new ArrayList<>();
    for (NodeSpec node : sorted) {
      List<String> inputs = node.inputs().stream().map(id -> alias.getOrDefault(id, id)).toList();
      if (node.layer() instanceof DropoutSpec && !keepDropout) {
        alias.put(node.id(), inputs.get(0));
        continue;
      }
      int[] in = inputs.isEmpty() ? new int[0] : inferred.outputShape(inputs.get(0)).perExample().toIntArray();
      steps.add(new Step(node.id(), node.layer(), inputs, in, inferred.outputShape(node.id()).perExample().toIntArray()));
    }
    return new InferenceGraph(used, List.copyOf(steps));
  }

  /** The network, reduced to the nodes the Output depends on. */
  NetworkSpec spec() {
    return spec;
  }

  /** Every layer (Dropout only if kept), inputs before the layers they feed; the Input first, the Output last. */
  List<Step> steps() {
    return steps;
  }

  Step input() {
    return steps.stream().filter(s -> s.layer() instanceof InputSpec).findFirst().orElseThrow();
  }

  Step output() {
    return steps.get(steps.size() - 1);
  }

  boolean classifier() {
    return ((OutputSpec) output().layer()).loss() == OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY;
  }
}
