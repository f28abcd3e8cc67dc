package org.tensorworkbench.engine.tune;

import java.util.ArrayList;
import java.util.List;
import org.tensorworkbench.engine.spec.ActivationSpec;
import org.tensorworkbench.engine.spec.Conv2dSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.DropoutSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.NodeSpec;

/**
 * Applies a configuration's architecture hyperparameters to a design: the width (units or output
 * channels) of the tuned layer, and the dropout probability of every Dropout layer; a network
 * without one gets a Dropout after the tuned layer (after its activation, if one follows it).
 */
public final class TunedNetwork {
  static final String ADDED_DROPOUT = "dropout_tuned";

  private TunedNetwork() {}

  /** The study's network before tuning: a template by name, else a network JSON file. */
  public static NetworkSpec base(String network) throws java.io.IOException {
    if (org.tensorworkbench.engine.spec.Templates.exists(network)) {
      return org.tensorworkbench.engine.spec.Templates.load(network);
    }
    java.nio.file.Path file = java.nio.file.Path.of(network);
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new TuningException("tuning.error.noNetwork", network,
          String.join(", ", org.tensorworkbench.engine.spec.Templates.names()));
    }
    return org.tensorworkbench.engine.spec.NetworkSpecJson.readDraft(file);
  }

  /** The tuned layer: {@code layer} if given, else the first dense layer, else the first convolution. */
  public static String tunedLayer(NetworkSpec spec, String layer) {
    if (!layer.isBlank()) {
      NodeSpec node = spec.node(layer).orElseThrow(() -> new TuningException("tuning.error.noSuchLayer", layer));
      if (!(node.layer() instanceof DenseSpec || node.layer() instanceof Conv2dSpec)) {
        throw new TuningException("tuning.error.layerHasNoWidth", layer);
      }
      return layer;
    }
    for (Class<?> kind : List.of(DenseSpec.class, Conv2dSpec.class)) {
      for (NodeSpec n : spec.nodes()) {
        if (kind.isInstance(n.layer())) {
          return n.id();
        }
      }
    }
    throw new TuningException("tuning.error.noTunableLayer");
  }

  /** {@code spec} with the configuration's width and dropout (each only if the configuration has it). */
  public static NetworkSpec apply(NetworkSpec spec, Configuration c, String layer) {
    NetworkSpec result = spec;
    if (c.values().containsKey(Hyperparameter.WIDTH)) {
      String id = tunedLayer(spec, layer);
      int width = c.integer(Hyperparameter.WIDTH);
      Object kind = result.node(id).orElseThrow().layer();
      if (kind instanceof DenseSpec d) {
        result = result.withLayer(id, new DenseSpec(width, d.bias(), d.init()));
      } else if (kind instanceof Conv2dSpec k) {
        result = result.withLayer(id,
            new Conv2dSpec(width, k.kernel(), k.stride(), k.padding(), k.dilation(), k.bias(), k.init()));
      }
    }
    if (c.values().containsKey(Hyperparameter.DROPOUT)) {
      result = withDropout(result, c.number(Hyperparameter.DROPOUT), layer);
    }
    return result;
  }

  private static NetworkSpec withDropout(NetworkSpec spec, double p, String layer) {
    boolean hasDropout = spec.nodes().stream().anyMatch(n -> n.layer() instanceof DropoutSpec);
    if (hasDropout) {
      NetworkSpec result = spec;
      for (NodeSpec n : spec.nodes()) {
        if (n.layer() instanceof DropoutSpec) {
          result = result.withLayer(n.id(), new DropoutSpec(p));
        }
      }
      return result;
    }
    if (p == 0) {
      return spec;
    }
    String tuned = tunedLayer(spec, layer);
    List<NodeSpec> consumers = spec.nodes().stream().filter(n -> n.inputs().contains(tuned)).toList();
    String after = consumers.size() == 1 && consumers.get(0).layer() instanceof ActivationSpec
        ? consumers.get(0).id() : tuned;
    List<NodeSpec> nodes = new ArrayList<>();
    for (NodeSpec n : spec.nodes()) {
      nodes.add(new NodeSpec(n.id(), n.layer(), n.inputs().stream().map(i -> i.equals(after) ? ADDED_DROPOUT : i).toList()));
      if (n.id().equals(after)) {
        nodes.add(NodeSpec.of(ADDED_DROPOUT, new DropoutSpec(p), after));
      }
    }
    return spec.withNodes(nodes);
  }
}
