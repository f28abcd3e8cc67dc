package org.tensorworkbench.engine.data;

import java.util.SplittableRandom;

/** Standard normal samples from a {@link SplittableRandom} by the Box-Muller transform. */
public final class Gaussian {
  private Gaussian() {}

  /** One N(0, 1) sample: sqrt(-2 ln u1) cos(2 pi u2) with u1 in (0, 1]. */
  public static double next(SplittableRandom random) {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }
}
