package org.tensorworkbench.engine.spec;

import java.util.List;
import java.util.Optional;

/**
 * The result of {@link ShapeInference#infer}: one {@link NodeShape} per node (in data-flow
 * order, nodes on cycles last) plus the structural {@link ValidationReport}, and totals over the
 * nodes whose shape is known.
 */
public record InferredNetwork(NetworkSpec spec, int batchSize, List<NodeShape> nodes, ValidationReport validation) {
  public InferredNetwork {
    nodes = List.copyOf(nodes);
  }

  public Optional<NodeShape> node(String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
  }

  /**
   * The output shape of a node, batch first, e.g. [10, 6, 28, 28]; throws the node's problem as
   * a {@link SpecException} when it has no shape, or {@code spec.shape.noSuchNode}.
   */
  public TensorShape outputShape(String id) {
    NodeShape node = node(id).orElseThrow(() -> new SpecException("spec.shape.noSuchNode", id));
    if (!node.isOk()) {
      throw node.problem().toException();
    }
    return node.output();
  }

  /** True when the graph is valid and every node has a shape: the network can be compiled. */
  public boolean isComplete() {
    return validation.isValid() && nodes.stream().allMatch(NodeShape::isOk);
  }

  /** Throws the first structural or shape error; returns this when complete. */
  public InferredNetwork requireComplete() {
    validation.requireValid();
    nodes.stream().filter(n -> n.status() == NodeShape.Status.ERROR).findFirst()
        .ifPresent(n -> {
          throw n.problem().toException();
        });
    return this;
  }

  /** The nodes with an error of their own (not those merely blocked by one). */
  public List<NodeShape> errors() {
    return nodes.stream().filter(n -> n.status() == NodeShape.Status.ERROR).toList();
  }

  /** Trainable parameters of the whole network. */
  public long parameterCount() {
    return nodes.stream().mapToLong(NodeShape::parameterCount).reduce(0, Math::addExact);
  }

  /** Non-trainable state (BatchNorm running statistics). */
  public long stateCount() {
    return nodes.stream().mapToLong(NodeShape::stateCount).reduce(0, Math::addExact);
  }

  /** The arithmetic of one forward pass of the whole batch. */
  public OpCount ops() {
    return nodes.stream().map(NodeShape::ops).reduce(OpCount.ZERO, OpCount::plus);
  }

  /**
   * Multiply-accumulates per example of the convolution and dense layers (the "MACs" usually
   * quoted for a model): their multiplications for the batch divided by the batch size.
   */
  public long multiplyAddsPerExample() {
    return nodes.stream()
        .filter(n -> n.layer() instanceof Conv2dSpec || n.layer() instanceof DenseSpec)
        .mapToLong(n -> n.ops().multiplications()).reduce(0, Math::addExact) / batchSize;
  }

  /**
   * Memory for every node's output for the whole batch in float32, the input included, as if
   * each were stored once (what training keeps for the backward pass, before any reuse).
   */
  public long activationBytes() {
    return nodes.stream().mapToLong(NodeShape::outputBytes).reduce(0, Math::addExact);
  }
}
