package org.tensorworkbench.engine.tune;

import java.util.List;
import java.util.Optional;

/**
 * A search strategy. It is a pure function of the study's settings and the trials finished so
 * far, so a stopped or crashed study resumes exactly where it was: the runner replays the
 * finished trials from disk and asks for the next one.
 */
public interface SearchMethod {

  /** The next trial, given every trial finished so far in order, or empty when the plan is complete. */
  Optional<TrialRequest> next(List<TrialRecord> done);

  /** Random numbers for the {@code k}-th draw of a study seeded with {@code seed} (SplitMix64-style mixing). */
  static java.util.Random random(long seed, long k) {
    long z = seed + 0x9E3779B97F4A7C15L * (k + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new java.util.Random(z ^ (z >>> 31));
  }
}
