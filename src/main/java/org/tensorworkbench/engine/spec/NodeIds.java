package org.tensorworkbench.engine.spec;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Makes readable, unique node ids from layer kinds: conv1, conv2, pool1, dense1, relu1... */
public final class NodeIds {
  private static final Map<Class<? extends LayerSpec>, String> PREFIXES = Map.ofEntries(
      Map.entry(InputSpec.class, "input"),
      Map.entry(DenseSpec.class, "dense"),
      Map.entry(Conv2dSpec.class, "conv"),
      Map.entry(MaxPool2dSpec.class, "maxpool"),
      Map.entry(AvgPool2dSpec.class, "avgpool"),
      Map.entry(GlobalAvgPool2dSpec.class, "gap"),
      Map.entry(FlattenSpec.class, "flatten"),
      Map.entry(DropoutSpec.class, "dropout"),
      Map.entry(BatchNormSpec.class, "bn"),
      Map.entry(LayerNormSpec.class, "ln"),
      Map.entry(AddSpec.class, "add"),
      Map.entry(ConcatSpec.class, "concat"),
      Map.entry(OutputSpec.class, "output"));
  private final Map<String, Integer> counters = new HashMap<>();
  private final Set<String> taken;

  public NodeIds() {
    this(Set.of());
  }

  /** Ids that will never be returned, e.g. those already in a network being edited. */
  public NodeIds(Set<String> taken) {
    this.taken = Set.copyOf(taken);
  }

  public String next(LayerSpec layer) {
    String prefix = prefix(layer);
    String id;
    do {
      int n = counters.merge(prefix, 1, Integer::sum);
      id = prefix + n;
    } while (taken.contains(id));
    return id;
  }

  /** The id prefix for a layer kind, e.g. "conv" for Conv2D. */
  public static String prefix(LayerSpec layer) {
    if (layer instanceof ActivationSpec a) {
      return a.function().name().toLowerCase(Locale.ROOT).replace("_", "");
    }
    return PREFIXES.get(layer.getClass());
  }
}
