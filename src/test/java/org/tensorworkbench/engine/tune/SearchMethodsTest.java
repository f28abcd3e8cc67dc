package org.tensorworkbench.engine.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Grid, random, successive halving and Hyperband plans against their definitions, with scores from a formula. */
class SearchMethodsTest {
  static SearchSpace space(int epochs) {
    return new SearchSpace("mlp", "fashion-mnist", "", 100, 20, List.of(
        new ParameterRange.Numeric(Hyperparameter.LEARNING_RATE, 0.001, 1, true),
        new ParameterRange.Choice(Hyperparameter.BATCH_SIZE, List.of(64, 128))),
        new Configuration(Map.of(Hyperparameter.EPOCHS, (double) epochs)));
  }

  /** A fake score: best at lr = 0.1, better with more epochs. */
  static TrialRecord fake(TrialRequest r) {
    double lr = r.config().number(Hyperparameter.LEARNING_RATE);
    double acc = 0.9 - 0.1 * Math.abs(Math.log10(lr) + 1) - 0.05 / r.epochs();
    List<EpochPoint> curve = new ArrayList<>();
    for (int e = 0; e < r.epochs(); e++) {
      curve.add(new EpochPoint(e, 1.0 / (e + 1), 1.0 / (e + 1), acc, 0.1));
    }
    return new TrialRecord(r, false, "", curve, 0.1);
  }

  static List<TrialRecord> runAll(SearchMethod m, int budget) {
    List<TrialRecord> done = new ArrayList<>();
    int used = 0;
    while (true) {
      Optional<TrialRequest> next = m.next(done);
      if (next.isEmpty() || next.get().epochs() > budget - used) {
        return done;
      }
      assertEquals(done.size(), next.get().index());
      done.add(fake(next.get()));
      used += next.get().epochs();
    }
  }

  @Test
  void gridEnumeratesEveryCombinationLastRangeFastest() {
    List<Configuration> grid = new GridSearch(space(2), 3).grid();
    assertEquals(6, grid.size());
    double[] lrs = grid.stream().mapToDouble(c -> c.number(Hyperparameter.LEARNING_RATE)).toArray();
    assertArrayEquals(new double[] {0.001, 0.001, Math.sqrt(0.001), Math.sqrt(0.001), 1, 1}, lrs, 1e-12);
    assertEquals(List.of(64.0, 128.0, 64.0, 128.0, 64.0, 128.0),
        grid.stream().map(c -> c.get(Hyperparameter.BATCH_SIZE)).toList());
    assertEquals(2.0, grid.get(0).number(Hyperparameter.EPOCHS));
    assertEquals(6, runAll(new GridSearch(space(2), 3), 1000).size(), "the grid ends the plan");
    assertEquals(2, runAll(new GridSearch(space(2), 3), 5).size(), "the budget ends the grid early");
  }

  @Test
  void randomSearchIsSeededAndLogUniform() {
    List<TrialRecord> a = runAll(new RandomSearch(space(1), 7), 50);
    List<TrialRecord> b = runAll(new RandomSearch(space(1), 7), 50);
    List<TrialRecord> c = runAll(new RandomSearch(space(1), 8), 50);
    assertEquals(50, a.size());
    assertEquals(a.stream().map(t -> t.request().config()).toList(), b.stream().map(t -> t.request().config()).toList());
    assertNotEquals(a.get(0).request().config(), c.get(0).request().config());
    RandomSearch random = new RandomSearch(space(1), 3);
    long below = java.util.stream.IntStream.range(0, 2000).mapToObj(random::draw)
        .filter(x -> x.number(Hyperparameter.LEARNING_RATE) < Math.sqrt(0.001)).count();
    assertEquals(1000, below, 80, "log-uniform: half the draws below the geometric middle");
  }

  @Test
  void successiveHalvingRungSizesAndPromotionFollowTheFormula() {
    // R = 9, eta = 3: s = 2, rungs of 1, 3, 9 epochs; budget 54 fits n = 18: 18·1 + 6·3 + 2·9 = 54
    SuccessiveHalving sh = SuccessiveHalving.within(space(9), 1, 54, 3);
    assertEquals(18, sh.firstRungSize());
    assertArrayEquals(new int[] {1, 3, 9}, sh.rungEpochs());
    assertEquals(54, SuccessiveHalving.cost(18, sh.rungEpochs(), 3));
    List<TrialRecord> done = runAll(sh, 54);
    int[] perRung = new int[3];
    for (TrialRecord t : done) {
      perRung[t.request().rung()]++;
      assertEquals(sh.rungEpochs()[t.request().rung()], t.request().epochs());
    }
    assertArrayEquals(new int[] {18, 6, 2}, perRung, "n_i = floor(18 / 3^i)");
    for (int rung = 1; rung < 3; rung++) {
      final int r = rung;
      List<TrialRecord> below = done.stream().filter(t -> t.request().rung() == r - 1).toList();
      List<Double> expected = below.stream().map(TrialRecord::score).sorted((x, y) -> Double.compare(y, x))
          .limit(perRung[rung]).toList();
      List<TrialRecord> promoted = done.stream().filter(t -> t.request().rung() == r).toList();
      for (int i = 0; i < promoted.size(); i++) {
        TrialRecord parent = done.get(promoted.get(i).request().parent());
        assertEquals(r - 1, parent.request().rung());
        assertEquals(parent.request().config(), promoted.get(i).request().config());
        assertEquals(expected.get(i), parent.score(), 0, "the top 1/eta are promoted, best first");
      }
    }
  }

  @Test
  void hyperbandBracketsFollowLiEtAl() {
    Hyperband hb = new Hyperband(space(9), 1, 3);
    // s_max = 2: bracket s=2: n = ceil(3/3·9) = 9 at 1 epoch; s=1: n = ceil(3/2·3) = 5 at 3; s=0: n = 3 at 9
    assertEquals(9, hb.bracket(0, 0).firstRungSize());
    assertArrayEquals(new int[] {1, 3, 9}, hb.bracket(0, 0).rungEpochs());
    assertEquals(5, hb.bracket(1, 0).firstRungSize());
    assertArrayEquals(new int[] {3, 9}, hb.bracket(1, 0).rungEpochs());
    assertEquals(3, hb.bracket(2, 0).firstRungSize());
    assertArrayEquals(new int[] {9}, hb.bracket(2, 0).rungEpochs());
    List<TrialRecord> done = runAll(hb, 51);
    assertEquals(9 + 3 + 1 + 5 + 1, done.size());
    assertEquals(51, done.stream().mapToInt(t -> t.request().epochs()).sum());
  }

  @Test
  void bayesianSearchIsDeterministicAndMovesTowardsTheOptimum() {
    List<TrialRecord> a = runAll(new BayesianSearch(space(1), 5), 12);
    List<TrialRecord> b = runAll(new BayesianSearch(space(1), 5), 12);
    assertEquals(a.stream().map(t -> t.request().config()).toList(), b.stream().map(t -> t.request().config()).toList());
    double bestInitial = a.subList(0, 3).stream().mapToDouble(TrialRecord::score).max().orElseThrow();
    double bestAll = a.stream().mapToDouble(TrialRecord::score).max().orElseThrow();
    assertTrue(bestAll >= bestInitial);
    // the formula's maximum is 0.85 at lr = 0.1; 0.84 means lr within a factor 10^0.1 of it
    assertTrue(bestAll > 0.84, "GP + EI finds lr near 0.1 in 12 trials: " + bestAll);
  }
}
