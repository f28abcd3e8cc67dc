package org.tensorworkbench.engine.spec;

/**
 * Layer normalization (Ba et al. 2016): each example is normalized over all of its features,
 * y = γ (x − μ) / √(σ² + ε) + β, the same in training and inference.
 */
public record LayerNormSpec(double epsilon) implements LayerSpec {
  public static final LayerNormSpec DEFAULT = new LayerNormSpec(1e-5);

  public LayerNormSpec {
    if (!(epsilon > 0)) {
      throw new SpecException("spec.error.epsilonNotPositive", epsilon);
    }
  }
}
