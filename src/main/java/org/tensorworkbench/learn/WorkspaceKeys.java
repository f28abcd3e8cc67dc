package org.tensorworkbench.learn;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The workspaces a lesson may open or check, and the preset keys of those whose keys are fixed
 * (the README's lesson-format table). A workspace missing from this version is still a valid id:
 * the Learn screen says it is not available when the step is used.
 */
public final class WorkspaceKeys {
  /** Every workspace id a lesson may name. */
  public static final List<String> IDS = List.of("learn", "builder", "training", "kernels", "tensors", "norm",
      "datasets", "playground", "generalization", "tuning", "transfer");

  private static final Map<String, Set<String>> PRESET_KEYS = Map.of(
      "learn", Set.of(),
      "builder", Set.of("template"),
      "training", Set.of("network", "dataset", "limit", "epochs", "batch", "lr", "optimizer", "weightDecay"),
      "kernels", Set.of("image", "kernel", "padding", "stride", "dilation", "channels", "pool"),
      "tensors", Set.of("tab", "x.shape", "y.shape", "op"),
      "norm", Set.of("tab"),
      "datasets", Set.of("dataset"));

  private WorkspaceKeys() {}

  public static boolean known(String id) {
    return IDS.contains(id);
  }

  /** The preset keys of {@code id} when this version fixes them, else empty (any key is passed on). */
  public static Optional<Set<String>> presetKeys(String id) {
    return Optional.ofNullable(PRESET_KEYS.get(id));
  }
}
