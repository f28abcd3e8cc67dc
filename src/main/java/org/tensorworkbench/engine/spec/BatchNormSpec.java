package org.tensorworkbench.engine.spec;

/**
 * Batch normalization (Ioffe &amp; Szegedy 2015; d2l 8.5) over [N, D] (per feature) or
 * [N, C, H, W] (per channel): y = γ (x − μ_B) / √(σ²_B + ε) + β with batch statistics while
 * training, and running statistics, updated as r ← (1 − momentum) r + momentum · batch, at
 * inference.
 */
public record BatchNormSpec(double momentum, double epsilon) implements LayerSpec {
  public static final BatchNormSpec DEFAULT = new BatchNormSpec(0.1, 1e-5);

  public BatchNormSpec {
    if (!(momentum > 0 && momentum <= 1)) {
      throw new SpecException("spec.error.momentumRange", momentum);
    }
    if (!(epsilon > 0)) {
      throw new SpecException("spec.error.epsilonNotPositive", epsilon);
    }
  }
}
