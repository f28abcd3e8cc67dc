package org.tensorworkbench.engine.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.samediff.SameDiff;
import org.tensorworkbench.engine.spec.BatchNormSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.ShapeInference;
import org.tensorworkbench.engine.spec.SpecException;

/**
 * Turns a {@link NetworkSpec} into a trainable SameDiff graph. A spec is never edited in a
 * graph: every change of design compiles a new one (6-12 ms for d2l's models).
 *
 * <p>Only the Output and the nodes it depends on are built. Problems with the design (a cycle, a
 * dense layer after a convolution without Flatten, shapes that do not fit an Add) are thrown as
 * the {@link SpecException} of {@code SpecValidator} or {@code ShapeInference}, so they read the
 * same as in the builder, in both languages.
 */
public final class NetworkCompiler {
  private NetworkCompiler() {}

  /** Compiles with FLOAT and seed 42. */
  public static CompiledNetwork compile(NetworkSpec spec) {
    return compile(spec, CompileOptions.defaults());
  }

  public static CompiledNetwork compile(NetworkSpec spec, CompileOptions options) {
    NodeOrder order = NodeOrder.of(spec);
    SameDiff sd = SameDiff.create();
    GraphBuilder builder = new GraphBuilder(sd, options, ShapeInference.require(order.used(), 1));
    for (NodeSpec node : order.sorted()) {
      builder.add(node);
    }
    return wrap(spec, order, sd);
  }

  /**
   * Wraps a graph compiled from {@code spec} earlier, e.g. one loaded from a model file with its
   * trained weights. Throws {@link SpecException} if the graph lacks a variable the spec implies.
   */
  public static CompiledNetwork attach(NetworkSpec spec, SameDiff sd) {
    NodeOrder order = NodeOrder.of(spec);
    CompiledNetwork network = wrap(spec, order, sd);
    List<String> expected = new ArrayList<>(network.activationNames().values());
    expected.add(GraphNames.LABELS);
    expected.add(GraphNames.LOSS);
    for (String name : expected) {
      if (!sd.hasVariable(name)) {
        throw new SpecException("graph.error.graphDoesNotMatch", name);
      }
    }
    return network;
  }

  private static CompiledNetwork wrap(NetworkSpec spec, NodeOrder order, SameDiff sd) {
    Map<String, String> activations = new LinkedHashMap<>();
    List<BatchNormStatistics.Layer> batchNorms = new ArrayList<>();
    for (NodeSpec node : order.sorted()) {
      activations.put(node.id(), node == order.input() ? GraphNames.INPUT : node.id());
      if (node.layer() instanceof BatchNormSpec bn) {
        batchNorms.add(new BatchNormStatistics.Layer(node.id(), bn.momentum()));
      }
    }
    NodeSpec output = order.output();
    String logits = activations.get(output.inputs().get(0));
    List<Listener> listeners = batchNorms.isEmpty() ? List.of() : List.of(new BatchNormStatistics(batchNorms));
    return new CompiledNetwork(spec, sd, ((OutputSpec) output.layer()).loss(), activations, logits, output.id(), listeners);
  }
}
