package org.tensorworkbench.engine.lab.playground;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A dense stack's hidden layer widths, hidden activation, and input features (kept in the order
 * of {@link InputFeature}). Every stack has at least one hidden layer of at least one neuron;
 * {@link #of} also holds the Playground's limits of {@value #MAX_LAYERS} layers of at most
 * {@value #MAX_NEURONS} neurons (the stability tab's deep nets go beyond them).
 */
public record NetworkSettings(List<Integer> hidden, Activation activation, List<InputFeature> features) {
  public static final int MAX_LAYERS = 6;
  public static final int MAX_NEURONS = 16;

  public NetworkSettings {
    hidden = List.copyOf(hidden);
    if (hidden.isEmpty()) {
      throw new PlaygroundException("playground.error.layerCount", 0, MAX_LAYERS);
    }
    for (int i = 0; i < hidden.size(); i++) {
      if (hidden.get(i) < 1) {
        throw new PlaygroundException("playground.error.neurons", i + 1, hidden.get(i), MAX_NEURONS);
      }
    }
    if (activation == null) {
      throw new PlaygroundException("playground.error.unknownActivation", "");
    }
    if (features.isEmpty()) {
      throw new PlaygroundException("playground.error.noFeatures");
    }
    Set<InputFeature> set = EnumSet.copyOf(features);
    features = List.copyOf(set);
  }

  /** Settings within the Playground's limits, or a message naming the layer out of range. */
  public static NetworkSettings of(List<Integer> hidden, Activation activation, List<InputFeature> features) {
    if (hidden.size() > MAX_LAYERS) {
      throw new PlaygroundException("playground.error.layerCount", hidden.size(), MAX_LAYERS);
    }
    for (int i = 0; i < hidden.size(); i++) {
      if (hidden.get(i) > MAX_NEURONS) {
        throw new PlaygroundException("playground.error.neurons", i + 1, hidden.get(i), MAX_NEURONS);
      }
    }
    return new NetworkSettings(hidden, activation, features);
  }

  /** {@code depth} hidden layers of {@code width} neurons on x1 and x2. */
  public static NetworkSettings deep(int depth, int width, Activation activation) {
    return new NetworkSettings(java.util.Collections.nCopies(depth, width), activation,
        List.of(InputFeature.X1, InputFeature.X2));
  }

  /** Two hidden layers of 8 ReLU neurons on x1 and x2. */
  public static NetworkSettings defaults() {
    return new NetworkSettings(List.of(8, 8), Activation.RELU, List.of(InputFeature.X1, InputFeature.X2));
  }

  /** Sizes of the whole stack: features, hidden layers, {@code outputs}. */
  public int[] sizes(int outputs) {
    int[] sizes = new int[hidden.size() + 2];
    sizes[0] = features.size();
    for (int i = 0; i < hidden.size(); i++) {
      sizes[i + 1] = hidden.get(i);
    }
    sizes[sizes.length - 1] = outputs;
    return sizes;
  }
}
