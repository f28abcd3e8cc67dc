package org.tensorworkbench.engine.lab.playground;

import java.util.ArrayList;
import java.util.List;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.DropoutSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.OutputSpec;

/** The Playground's network as a design of the Network Builder: the one meaning of the stack. */
public final class PlaygroundNetwork {
  private PlaygroundNetwork() {}

  /**
   * Input [F] → (Dense(h) → activation → Dropout(p) if p &gt; 0) per hidden layer → Dense(K) →
   * Output (softmax cross-entropy, or MSE with K = 1 for the curve); Xavier weights, zero biases.
   */
  public static NetworkSpec spec(NetworkSettings network, int classCount, double dropout) {
    List<LayerSpec> layers = new ArrayList<>();
    layers.add(InputSpec.of(network.features().size()));
    for (int width : network.hidden()) {
      layers.add(DenseSpec.of(width));
      layers.add(network.activation().spec());
      if (dropout > 0) {
        layers.add(new DropoutSpec(dropout));
      }
    }
    boolean regression = classCount == 0;
    layers.add(DenseSpec.of(regression ? 1 : classCount));
    layers.add(new OutputSpec(regression ? OutputSpec.Loss.MSE : OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY));
    String name = "Playground " + String.join("-", network.hidden().stream().map(String::valueOf).toList());
    return NetworkSpec.sequential(name, layers.toArray(LayerSpec[]::new));
  }
}
