package org.tensorworkbench.engine.spec;

import java.util.List;

/**
 * What {@link ShapeInference} found for one node: its output shape (batch first), its
 * parameters and state, and the arithmetic of its forward pass for the batch; or why it has
 * none. A node with a problem of its own is {@link Status#ERROR}; a node fed (directly or not)
 * by such a node is {@link Status#BLOCKED} and names it in {@link #cause()}.
 *
 * @param output the output shape, null unless OK
 * @param problem what to tell the student, null when OK
 * @param cause the id of the node with the error: this node's own id when ERROR, the upstream
 *     node's when BLOCKED, null when OK
 */
public record NodeShape(String id, LayerSpec layer, Status status, TensorShape output,
    List<ParameterShape> parameters, OpCount ops, SpecMessage problem, String cause) {

  public NodeShape {
    parameters = List.copyOf(parameters);
  }

  static NodeShape ok(NodeSpec node, TensorShape output, List<ParameterShape> parameters, OpCount ops) {
    return new NodeShape(node.id(), node.layer(), Status.OK, output, parameters, ops, null, null);
  }

  static NodeShape error(NodeSpec node, SpecMessage problem) {
    return new NodeShape(node.id(), node.layer(), Status.ERROR, null, List.of(), OpCount.ZERO, problem, node.id());
  }

  static NodeShape blocked(NodeSpec node, String cause) {
    return new NodeShape(node.id(), node.layer(), Status.BLOCKED, null, List.of(), OpCount.ZERO,
        SpecMessage.of("spec.shape.blocked", node.id(), cause), cause);
  }

  public boolean isOk() {
    return status == Status.OK;
  }

  /** The number of trainable parameters (weights, biases, γ, β). */
  public long parameterCount() {
    return parameters.stream().filter(ParameterShape::trainable).mapToLong(ParameterShape::count).sum();
  }

  /** The number of non-trainable values kept (BatchNorm's running mean and variance). */
  public long stateCount() {
    return parameters.stream().filter(p -> !p.trainable()).mapToLong(ParameterShape::count).sum();
  }

  /** The memory of the output for the whole batch in float32, 4 bytes per value; 0 if none. */
  public long outputBytes() {
    return output == null ? 0 : Math.multiplyExact(output.elements(), Float.BYTES);
  }

  /** OK: shape known. ERROR: this node is wrong. BLOCKED: an upstream node is wrong. */
  public enum Status {
    OK,
    ERROR,
    BLOCKED
  }
}
