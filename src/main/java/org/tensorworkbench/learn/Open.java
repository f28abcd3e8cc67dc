package org.tensorworkbench.learn;

import java.util.Map;
import java.util.Objects;

/**
 * A step's request to open a workspace in a prepared state.
 *
 * @param workspace the workspace id, e.g. {@code kernels}
 * @param preset the workspace's own keys and values (see the README's lesson format), in file order
 */
public record Open(String workspace, Map<String, String> preset) {
  public Open {
    Objects.requireNonNull(workspace);
    preset = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(preset));
  }
}
