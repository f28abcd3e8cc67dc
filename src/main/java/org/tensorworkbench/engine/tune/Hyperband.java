package org.tensorworkbench.engine.tune;

import java.util.List;
import java.util.Optional;

/**
 * Hyperband (Li et al., JMLR 2018): successive halving run in brackets that trade the number of
 * configurations against the epochs each gets, because how early a configuration can be judged
 * is not known in advance. With s_max = ⌊log_η R⌋, bracket s = s_max, …, 0 starts
 * n = ⌈(s_max + 1)/(s + 1)·η^s⌉ configurations at r = R·η^(−s) epochs and halves them as
 * {@link SuccessiveHalving} does; bracket s = 0 is plain random search at R epochs. The brackets
 * repeat until the study's budget is spent.
 */
public final class Hyperband implements SearchMethod {
  private final SearchSpace space;
  private final long seed;
  private final int eta;
  private final int maxEpochs;
  private final int sMax;

  public Hyperband(SearchSpace space, long seed, int eta) {
    this.space = space;
    this.seed = seed;
    this.eta = eta;
    this.maxEpochs = space.fixed().integer(Hyperparameter.EPOCHS);
    this.sMax = SuccessiveHalving.maxRung(maxEpochs, eta);
  }

  /** Bracket {@code b} (0, 1, 2, … cycling through s = s_max … 0). */
  public SuccessiveHalving bracket(int b, int drawOffset) {
    int s = sMax - b % (sMax + 1);
    int n = (int) Math.ceil((sMax + 1) / (double) (s + 1) * Math.pow(eta, s) - 1e-9);
    return new SuccessiveHalving(space, seed, n, SuccessiveHalving.rungEpochs(maxEpochs, eta, s), eta, b, drawOffset);
  }

  @Override
  public Optional<TrialRequest> next(List<TrialRecord> done) {
    int drawOffset = 0;
    for (int b = 0; ; b++) {
      final int bracketNumber = b;
      SuccessiveHalving bracket = bracket(b, drawOffset);
      List<TrialRecord> inBracket = done.stream().filter(t -> t.request().bracket() == bracketNumber).toList();
      Optional<TrialRequest> next = bracket.next(inBracket, done.size());
      if (next.isPresent()) {
        return next;
      }
      drawOffset += bracket.firstRungSize();
    }
  }
}
