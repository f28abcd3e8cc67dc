package org.tensorworkbench.engine.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tensorworkbench.engine.spec.BatchNormSpec;
import org.tensorworkbench.engine.spec.InferredNetwork;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.NodeShape;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.ParameterShape;
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
   * trained weights. Throws {@link SpecException} if the graph lacks a variable the spec implies,
   * or if a weight, bias, γ, β or running statistic has another shape than {@link ShapeInference}
   * gives for the spec ({@code graph.error.parameterShape}).
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
    requireParameterShapes(ShapeInference.require(order.used(), 1), sd);
    return network;
  }

  /**
   * Checks every parameter of the graph against the inferred one, translated from PyTorch's
   * layout ({@link ParameterShape}) to SameDiff's: dense [out, in] -> [in, out], convolution
   * [outC, inC, kH, kW] -> [kH, kW, inC, outC]; vectors as they are.
   */
  private static void requireParameterShapes(InferredNetwork inferred, SameDiff sd) {
    for (NodeShape node : inferred.nodes()) {
      for (ParameterShape p : node.parameters()) {
        String name = graphName(node.id(), p.name().substring(node.id().length() + 1));
        long[] want = p.shape().toLongArray();
        if (want.length == 2) {
          want = new long[] {want[1], want[0]};
        } else if (want.length == 4) {
          want = new long[] {want[2], want[3], want[1], want[0]};
        }
        INDArray have = sd.hasVariable(name) ? sd.getArrForVarName(name) : null;
        if (have == null) {
          throw new SpecException("graph.error.graphDoesNotMatch", name);
        }
        if (!Arrays.equals(have.shape(), want)) {
          throw new SpecException("graph.error.parameterShape", name, Arrays.toString(have.shape()),
              Arrays.toString(want));
        }
      }
    }
  }

  private static String graphName(String nodeId, String part) {
    return switch (part) {
      case "weight" -> GraphNames.weights(nodeId);
      case "bias" -> GraphNames.bias(nodeId);
      case "gamma" -> GraphNames.gamma(nodeId);
      case "beta" -> GraphNames.beta(nodeId);
      case "running_mean" -> GraphNames.runningMean(nodeId);
      case "running_var" -> GraphNames.runningVar(nodeId);
      default -> throw new IllegalStateException("no graph name for parameter " + part);
    };
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
