package org.tensorworkbench.engine.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The end of the network and the loss it is trained with. Its input are the raw scores
 * (logits) for softmax cross-entropy, which applies softmax and cross-entropy together in the
 * numerically stable way (d2l 4.5), or the predictions for mean squared error.
 */
public record OutputSpec(Loss loss) implements LayerSpec {
  public OutputSpec {
    if (loss == null) {
      throw new SpecException("spec.error.missingField", "loss");
    }
  }

  /** The supported losses. */
  public enum Loss {
    @JsonProperty("softmax_cross_entropy") SOFTMAX_CROSS_ENTROPY,
    @JsonProperty("mse") MSE
  }
}
