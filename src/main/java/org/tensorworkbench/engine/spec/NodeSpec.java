package org.tensorworkbench.engine.spec;

import java.util.List;

/**
 * One node of a network: a unique id (also the SameDiff variable prefix and the name a student
 * sees, e.g. "conv1"), what it computes, and the ids of the nodes feeding it, in order.
 */
public record NodeSpec(String id, LayerSpec layer, List<String> inputs) {
  public NodeSpec {
    if (id == null || !id.matches("[A-Za-z][A-Za-z0-9_]*")) {
      throw new SpecException("spec.error.badNodeId", String.valueOf(id));
    }
    if (layer == null) {
      throw new SpecException("spec.error.missingLayer", id);
    }
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
  }

  public static NodeSpec of(String id, LayerSpec layer, String... inputs) {
    return new NodeSpec(id, layer, List.of(inputs));
  }
}
