package org.tensorworkbench.engine.spec;

import java.util.List;

/**
 * The network's input: the shape of ONE example without the batch dimension, e.g. [1, 28, 28]
 * for a grayscale image (channels first, as d2l and PyTorch) or [784] for a flat vector.
 */
public record InputSpec(List<Integer> shape) implements LayerSpec {
  public InputSpec {
    shape = List.copyOf(shape);
    if (shape.isEmpty() || shape.size() > 3 || shape.stream().anyMatch(d -> d < 1)) {
      throw new SpecException("spec.error.badInputShape", shape);
    }
  }

  public static InputSpec of(Integer... shape) {
    return new InputSpec(List.of(shape));
  }

  @Override
  public int arity() {
    return 0;
  }
}
