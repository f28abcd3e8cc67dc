package org.tensorworkbench.engine.lab.playground;

import java.util.SplittableRandom;
import org.tensorworkbench.engine.data.Gaussian;
import org.tensorworkbench.engine.spec.Initializer;

/**
 * The weight initializations of d2l 5.4 for a layer with fanIn inputs and fanOut outputs
 * (biases start at zero):
 * <ul>
 *   <li>N(0, 1) and N(0, 0.01²): a fixed spread, too large or too small for deep nets;
 *   <li>Xavier/Glorot uniform U(−a, a), a = √(6 / (fanIn + fanOut)), variance 2 / (fanIn + fanOut);
 *   <li>He/Kaiming normal N(0, 2 / fanIn).
 * </ul>
 * Xavier and He are drawn as the compiled network draws them, so a design handed to the builder
 * starts from the same distribution.
 */
public enum Initialization {
  NORMAL_1("normal-1"),
  NORMAL_001("normal-0.01"),
  XAVIER("xavier"),
  HE("he");

  private final String id;

  Initialization(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The variance of one weight by the formula. */
  public double variance(int fanIn, int fanOut) {
    return switch (this) {
      case NORMAL_1 -> 1;
      case NORMAL_001 -> 1e-4;
      case XAVIER -> 2.0 / (fanIn + fanOut);
      case HE -> 2.0 / fanIn;
    };
  }

  /** One weight drawn from the distribution. */
  public double draw(SplittableRandom random, int fanIn, int fanOut) {
    if (this == XAVIER) {
      double a = Math.sqrt(6.0 / (fanIn + fanOut));
      return (2 * random.nextDouble() - 1) * a;
    }
    return Math.sqrt(variance(fanIn, fanOut)) * Gaussian.next(random);
  }

  /** The same initialization in a network design. */
  public Initializer spec() {
    return switch (this) {
      case NORMAL_1 -> Initializer.normal(1);
      case NORMAL_001 -> Initializer.normal(0.01);
      case XAVIER -> Initializer.XAVIER;
      case HE -> Initializer.HE;
    };
  }
}
