package org.tensorworkbench.engine.spec;

/**
 * A fully connected (linear) layer y = xW + b: d2l's {@code nn.Linear} / {@code nn.LazyLinear}.
 * Its input must be [N, D]; put a Flatten before it after convolutions.
 */
public record DenseSpec(int units, boolean bias, Initializer init) implements LayerSpec {
  public DenseSpec {
    if (units < 1) {
      throw new SpecException("spec.error.unitsNotPositive", units);
    }
    if (init == null) {
      init = Initializer.XAVIER;
    }
  }

  public static DenseSpec of(int units) {
    return new DenseSpec(units, true, Initializer.XAVIER);
  }
}
