package org.tensorworkbench.engine.tune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Successive halving (Jamieson &amp; Talwalkar 2016), one bracket: n configurations drawn at
 * random are trained for r₀ epochs; the best ⌊n/η⌋ are trained for r₀·η epochs, the best
 * ⌊n/η²⌋ of those for r₀·η², and so on up to the largest rung. Rung i holds
 * nᵢ = ⌊n·η^(−i)⌋ trials of rᵢ = R·η^(i−s) epochs, where R is the configuration's epochs and
 * s = ⌊log_η R⌋. A promoted trial is trained again from scratch for its longer budget (so every
 * trial is one reproducible run); a trial that is not promoted was "stopped" at its rung.
 * Poor configurations are thus dropped after a little compute, which is where the method saves.
 */
public final class SuccessiveHalving implements SearchMethod {
  private final SearchSpace space;
  private final long seed;
  private final int n;
  private final int[] rungEpochs;
  private final int eta;
  private final int bracket;
  private final int drawOffset;

  /**
   * @param n configurations in the first rung
   * @param rungEpochs rᵢ, increasing; the rungs beyond ⌊log_η n⌋ are dropped (they would be empty)
   * @param bracket the bracket number written into the requests
   * @param drawOffset the random draws used by earlier brackets
   */
  public SuccessiveHalving(SearchSpace space, long seed, int n, int[] rungEpochs, int eta, int bracket, int drawOffset) {
    if (n < 1 || rungEpochs.length == 0) {
      throw new IllegalArgumentException("n " + n + ", rungs " + rungEpochs.length);
    }
    this.space = space;
    this.seed = seed;
    this.n = n;
    this.eta = eta;
    this.bracket = bracket;
    this.drawOffset = drawOffset;
    int rungs = 0;
    while (rungs < rungEpochs.length && rungSize(n, eta, rungs) >= 1) {
      rungs++;
    }
    this.rungEpochs = java.util.Arrays.copyOf(rungEpochs, rungs);
  }

  /** One bracket with as many first-rung configurations as fit in {@code budget} epochs. */
  public static SuccessiveHalving within(SearchSpace space, long seed, int budget, int eta) {
    int[] epochs = rungEpochs(space.fixed().integer(Hyperparameter.EPOCHS), eta, maxRung(space.fixed().integer(Hyperparameter.EPOCHS), eta));
    int n = 1;
    while (cost(n + 1, epochs, eta) <= budget) {
      n++;
    }
    return new SuccessiveHalving(space, seed, n, epochs, eta, 0, 0);
  }

  /** s = ⌊log_η R⌋, computed in integers. */
  public static int maxRung(int maxEpochs, int eta) {
    int s = 0;
    long power = eta;
    while (power <= maxEpochs) {
      s++;
      power *= eta;
    }
    return s;
  }

  /** rᵢ = max(1, round(R·η^(i−s))) for i = 0..s. */
  public static int[] rungEpochs(int maxEpochs, int eta, int s) {
    int[] r = new int[s + 1];
    for (int i = 0; i <= s; i++) {
      r[i] = (int) Math.max(1, Math.round(maxEpochs * Math.pow(eta, i - s)));
    }
    return r;
  }

  /** nᵢ = ⌊n·η^(−i)⌋. */
  public static int rungSize(int n, int eta, int i) {
    return (int) Math.floor(n / Math.pow(eta, i) + 1e-9);
  }

  /** Σᵢ nᵢ·rᵢ over the non-empty rungs: the epochs the whole bracket costs. */
  public static long cost(int n, int[] rungEpochs, int eta) {
    long total = 0;
    for (int i = 0; i < rungEpochs.length && rungSize(n, eta, i) >= 1; i++) {
      total += (long) rungSize(n, eta, i) * rungEpochs[i];
    }
    return total;
  }

  public int firstRungSize() {
    return n;
  }

  public int[] rungEpochs() {
    return rungEpochs.clone();
  }

  @Override
  public Optional<TrialRequest> next(List<TrialRecord> done) {
    return next(done, done.size());
  }

  /** The next trial of this bracket given its own finished trials, numbered {@code index}. */
  Optional<TrialRequest> next(List<TrialRecord> bracketDone, int index) {
    List<TrialRecord> previous = List.of();
    for (int i = 0; i < rungEpochs.length; i++) {
      final int rung = i;
      List<TrialRecord> inRung = bracketDone.stream().filter(t -> t.request().rung() == rung).toList();
      int planned = rungSize(n, eta, i);
      if (inRung.size() < planned) {
        int k = inRung.size();
        if (i == 0) {
          Configuration c = space.sample(SearchMethod.random(seed, drawOffset + k));
          return Optional.of(new TrialRequest(index, c, rungEpochs[0], bracket, 0, -1));
        }
        TrialRecord parent = promoted(previous, planned).get(k);
        return Optional.of(new TrialRequest(index, parent.request().config(), rungEpochs[i], bracket, i, parent.index()));
      }
      previous = inRung;
    }
    return Optional.empty();
  }

  /** The best {@code count} of a rung, best first (failed trials last, ties to the earlier trial). */
  public static List<TrialRecord> promoted(List<TrialRecord> rung, int count) {
    List<TrialRecord> sorted = new ArrayList<>(rung);
    sorted.sort(Comparator.comparingDouble((TrialRecord t) -> Double.isNaN(t.score()) ? Double.NEGATIVE_INFINITY : t.score())
        .reversed().thenComparingInt(TrialRecord::index));
    return sorted.subList(0, Math.min(count, sorted.size()));
  }
}
