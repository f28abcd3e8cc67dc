package org.tensorworkbench.engine.transfer;

import java.util.List;

/**
 * Layers of a network that fine-tuning treats as one: a layer with weights (a convolution or a
 * dense layer) together with the parameter-free layers after it up to the next one with weights
 * (activation, pooling, flatten; a normalization layer's γ and β join the group too).
 *
 * @param id the id of the group's first layer (the one with weights), e.g. {@code conv1}
 * @param kind that layer's kind as in the network JSON, e.g. {@code conv2d} or {@code dense}
 * @param nodeIds the layers of the group, in order
 * @param parameters the SameDiff variables (and BatchNorm running statistics) of the group
 * @param parameterCount the number of trained scalars
 * @param output whether this is the output layer, replaced to fit the new classes
 */
public record LayerGroup(String id, String kind, List<String> nodeIds, List<String> parameters, long parameterCount,
    boolean output) {
  public LayerGroup {
    nodeIds = List.copyOf(nodeIds);
    parameters = List.copyOf(parameters);
  }
}
