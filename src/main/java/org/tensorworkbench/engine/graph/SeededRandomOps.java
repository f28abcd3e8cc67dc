package org.tensorworkbench.engine.graph;

import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.random.custom.RandomBernoulli;

/**
 * Makes the random draws inside a graph (the dropout masks, {@link RandomBernoulli}) follow a
 * seed, so that a training run with dropout repeats exactly.
 *
 * <p>SameDiff M2.1 executes each op in an op context whose random generator it never seeds, and
 * libnd4j's generator seeds itself from the clock when its root state is 0: without this listener
 * every run draws different masks. Before the k-th random op of a run executes, this listener
 * sets the context's generator to states derived from (seed, k) by SplitMix64 (Steele, Lea and
 * Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014), so the masks differ from
 * step to step and from layer to layer but are the same in every run with the same seed and the
 * same sequence of minibatches.
 */
public final class SeededRandomOps extends BaseListener {
  private final long seed;
  private long draws;

  /** Draws from the states of {@code seed}; create one per run. */
  public SeededRandomOps(long seed) {
    this.seed = seed;
  }

  @Override
  public boolean isActive(Operation operation) {
    return true;
  }

  @Override
  public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext context) {
    if (!(op.getOp() instanceof RandomBernoulli)) {
      return;
    }
    long root = nonZero(splitMix(seed ^ splitMix(draws++)));
    context.setRngStates(root, nonZero(splitMix(root)));
  }

  /** The number of random ops seeded so far. */
  public long draws() {
    return draws;
  }

  /** SplitMix64's output function of {@code x + golden gamma}. */
  static long splitMix(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** libnd4j replaces a root state of 0 by the clock. */
  private static long nonZero(long state) {
    return state == 0 ? 1 : state;
  }
}
