package org.tensorworkbench.engine.data;

import java.util.SplittableRandom;

/**
 * Seeded orders of sample indices. The order of epoch {@code e} depends only on the seed and
 * {@code e} (a Fisher-Yates shuffle driven by a {@link SplittableRandom} seeded from both), so a
 * run can be repeated exactly and resumed at any epoch without replaying the earlier ones.
 */
public final class EpochOrder {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private EpochOrder() {}

  /** {@code 0, 1, ..., n-1}. */
  public static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  /** A permutation of {@code 0..n-1} determined by {@code seed} and {@code epoch}. */
  public static int[] shuffled(int n, long seed, int epoch) {
    int[] order = identity(n);
    SplittableRandom random = new SplittableRandom(seed * GOLDEN + epoch);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
