package org.tensorworkbench.engine.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out, for a network and a batch size N, every node's output shape, parameters and
 * forward-pass arithmetic, without building any tensor: what the Network Builder shows on each
 * node, what {@code summary} prints, and what the SameDiff compiler's shapes are tested against.
 *
 * <p>It never gives up on the whole network: a node with a problem of its own (a kernel larger
 * than its input, a dense layer fed images, a structural error from {@link SpecValidator}) gets
 * that problem; nodes fed by it are BLOCKED ("no shape because conv2 has an error"); every other
 * node keeps its shape.
 *
 * <p>Shape rules (batch first, channels first as in d2l): convolution and pooling sizes by
 * {@link ConvArithmetic} (pooling rounds down, padding at most half the window as in PyTorch);
 * Dense needs [N, D]; Flatten gives [N, C·H·W]; global average pooling [N, C]; Add needs equal
 * shapes; Concat joins dimension 1 and needs every later dimension equal; BatchNorm takes
 * [N, D] or [N, C, H, W]; Output with softmax cross-entropy needs scores [N, K], K ≥ 2, and with
 * mean squared error [N, D].
 *
 * <p>Parameters in PyTorch's layout: convolution weight [C_out, C_in, kh, kw] and bias [C_out];
 * dense weight [D_out, D_in] and bias [D_out]; BatchNorm γ ({@code gamma}) and β ({@code beta})
 * [C] trainable plus {@code running_mean} and {@code running_var} [C] as state; LayerNorm γ and
 * β shaped like one example (PyTorch's {@code nn.LayerNorm(x.shape[1:])}).
 *
 * <p>Operation counts for one forward pass at inference over the batch ({@link OpCount}), with T
 * the number of values in the output and, for pooling, W the number of windows (= T):
 *
 * <ul>
 *   <li>Conv2d, Dense: see {@link ConvArithmetic}.
 *   <li>Max pooling: (kh·kw − 1)·W comparisons. Average pooling: (kh·kw − 1)·W additions and W
 *       multiplications by 1/(kh·kw). Global average pooling over [N, C, H, W]: N·C·(H·W − 1)
 *       additions, N·C multiplications.
 *   <li>ReLU: T comparisons; LeakyReLU: T comparisons and T multiplications; sigmoid, tanh,
 *       GELU: T function evaluations; softmax over the last axis of size K: T exponentials,
 *       (T/K)·(K − 1) additions for the sums and T divisions (counted as multiplications); the
 *       maximum subtracted for numerical stability is not counted.
 *   <li>BatchNorm over C channels, with the running statistics folded into a scale
 *       s = γ/√(σ² + ε) and shift β − μ·s: per channel 2 multiplications, 2 additions and one
 *       square root; then one multiplication and one addition per value: T + 2C
 *       multiplications, T + 2C additions, C functions.
 *   <li>LayerNorm over E values per example (T = N·E): mean (E − 1 additions, 1 multiplication),
 *       centring (E additions), variance (E multiplications, E − 1 additions, 1 multiplication),
 *       1/√(σ² + ε) (1 addition, 1 function), scale and shift (2E multiplications, E additions):
 *       3T + 2N multiplications, 4T − N additions, N functions.
 *   <li>Add of k inputs: (k − 1)·T additions. Input, Flatten, Dropout (the identity at
 *       inference), Concat and Output (the loss is not part of the forward pass): none.
 * </ul>
 */
public final class ShapeInference {
  private final NetworkSpec spec;
  private final int batch;
  private final NetworkGraph graph;
  private final Map<String, SpecMessage> nodeErrors = new HashMap<>();
  private final Map<String, NodeShape> done = new HashMap<>();

  private ShapeInference(NetworkSpec spec, int batch, ValidationReport report) {
    this.spec = spec;
    this.batch = batch;
    this.graph = NetworkGraph.of(spec);
    for (ValidationIssue issue : report.errors()) {
      if (SpecValidator.NODE_ERRORS.contains(issue.message().key())) {
        issue.nodeIds().forEach(id -> nodeErrors.putIfAbsent(id, issue.message()));
      }
    }
  }

  /** Infers every node of {@code spec} for a batch of {@code batchSize} examples. */
  public static InferredNetwork infer(NetworkSpec spec, int batchSize) {
    if (batchSize < 1) {
      throw new SpecException("spec.shape.badBatch", batchSize);
    }
    ValidationReport report = SpecValidator.validate(spec);
    ShapeInference inference = new ShapeInference(spec, batchSize, report);
    return new InferredNetwork(spec, batchSize, inference.inferAll(), report);
  }

  /** Infers and throws the first structural or shape error: for code that needs a sound network. */
  public static InferredNetwork require(NetworkSpec spec, int batchSize) {
    return infer(spec, batchSize).requireComplete();
  }

  private List<NodeShape> inferAll() {
    List<NodeSpec> ordered = new ArrayList<>(graph.topologicalOrder());
    Set<NodeSpec> placed = Collections.newSetFromMap(new IdentityHashMap<>());
    placed.addAll(ordered);
    spec.nodes().stream().filter(placed::add).forEach(ordered::add);
    List<NodeShape> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (NodeSpec node : ordered) {
      result.add(seen.add(node.id()) ? resolve(node) : NodeShape.error(node, nodeErrors.get(node.id())));
    }
    return result;
  }

  /** Inputs first, memoized; cycles cannot recurse because their nodes are errors already. */
  private NodeShape resolve(NodeSpec node) {
    NodeShape known = done.get(node.id());
    if (known != null) {
      return known;
    }
    NodeShape shape = compute(node);
    done.put(node.id(), shape);
    return shape;
  }

  private NodeShape compute(NodeSpec node) {
    SpecMessage structural = nodeErrors.get(node.id());
    if (structural != null) {
      return NodeShape.error(node, structural);
    }
    List<NodeShape> inputs = new ArrayList<>();
    for (String id : node.inputs()) {
      NodeShape input = resolve(graph.node(id));
      if (!input.isOk()) {
        return NodeShape.blocked(node, input.cause());
      }
      inputs.add(input);
    }
    try {
      LayerShapes.Result r = LayerShapes.infer(node, inputs, batch);
      return NodeShape.ok(node, r.output(), r.parameters(), r.ops());
    } catch (SpecException e) {
      return NodeShape.error(node, SpecMessage.of(e));
    } catch (ArithmeticException e) {
      return NodeShape.error(node, SpecMessage.of("spec.shape.tooLarge", node.id()));
    }
  }
}
