package org.tensorworkbench.engine.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tensorworkbench.i18n.Messages;

/**
 * Reads {@link TrainingEvent.Diagnostics} the way the DL4J training UI teaches: a weight's
 * update/parameter ratio ‖ΔW‖/‖W‖ per iteration should be around 1e-3 (CS231n, "ratio of
 * weights:updates"); ten times more and the learning rate is probably too high, ten times less
 * and it is probably too low. A layer whose outputs have (almost) no spread left is dead or
 * saturated; one whose outputs spread ever wider is exploding. A classifier whose training loss
 * after the first epoch is still ln K, the cross-entropy of guessing each of the K classes with
 * probability 1/K (d2l 4.1.3), has not started to learn.
 */
public final class TrainingHealth {
  /** The ratio the guideline aims at. */
  public static final double TARGET_RATIO = 1e-3;
  /** Ratios more than this factor away from {@link #TARGET_RATIO} get a hint. */
  public static final double TOLERANCE = 10;
  /** Below this standard deviation a layer's outputs count as collapsed. */
  public static final double COLLAPSED_STD = 1e-3;
  /** Above this standard deviation a layer's outputs count as exploding. */
  public static final double EXPLODING_STD = 1e2;
  private static final int NAMED_LAYERS = 3;
  /** A first-epoch loss within this fraction of ln K counts as "not moved away from chance". */
  public static final double STUCK_TOLERANCE = 0.03;
  /** The key of the stuck-loss hint. */
  public static final String LOSS_STUCK = "train.health.lossStuck";

  private TrainingHealth() {}

  /**
   * One hint, as a key of the {@code train} area and its arguments, so it shows in the language
   * chosen when it is displayed.
   */
  public record Hint(String key, List<Object> arguments) {
    public Hint {
      arguments = List.copyOf(arguments);
    }

    public String message() {
      return Messages.get(key, arguments.toArray());
    }
  }

  /**
   * Watches the minibatch losses of one run for divergence that never reaches NaN: with a far too
   * high learning rate the loss can stay finite but huge (η = 10⁶ gave 2·10²³ at chance
   * accuracy). A run has diverged when {@value #DIVERGED_RUN} consecutive minibatch losses are
   * more than {@value #DIVERGED_FACTOR} times the reference: the first minibatch's loss, or for a
   * classifier at least ln K, the loss of guessing uniformly among K classes (d2l 4.1). Healthy
   * training, even a noisy one, does not stay three orders of magnitude above where it started.
   */
  public static final class DivergenceWatch {
    /** How many times the reference loss counts as diverged. */
    public static final double DIVERGED_FACTOR = 1e3;
    /** Consecutive minibatches that must be that far above it. */
    public static final int DIVERGED_RUN = 5;
    private final double floor;
    private double reference = Double.NaN;
    private int above;

    /** @param classes the number of classes of a classifier, 0 for a regression */
    public DivergenceWatch(int classes) {
      this.floor = classes > 1 ? Math.log(classes) : 0;
    }

    /** Adds one minibatch's (finite) loss; true once the run has diverged. */
    public boolean diverged(double loss) {
      if (Double.isNaN(reference)) {
        reference = Math.max(loss, floor);
        return false;
      }
      above = loss > DIVERGED_FACTOR * reference && reference > 0 ? above + 1 : 0;
      return above >= DIVERGED_RUN;
    }
  }

  /**
   * The hints for a run so far: the stuck-loss hint of {@link #lossStuck} first, then those of
   * {@link #assess(TrainingEvent.Diagnostics)}.
   *
   * @param d the latest diagnostics, or null when none were taken yet
   * @param epochs the epochs finished so far
   * @param classes K, 0 for regression
   */
  public static List<Hint> assess(TrainingEvent.Diagnostics d, List<TrainingEvent.Epoch> epochs, int classes) {
    List<Hint> hints = new ArrayList<>();
    lossStuck(epochs, classes).ifPresent(hints::add);
    if (d != null) {
      hints.addAll(assess(d));
    }
    return hints;
  }

  /**
   * A hint when the latest epoch's mean training loss L is still ln K: |L − ln K| ≤
   * {@link #STUCK_TOLERANCE}·ln K. Empty for regression (K = 0), before the first epoch ends, and
   * once an epoch's loss has moved away.
   */
  public static Optional<Hint> lossStuck(List<TrainingEvent.Epoch> epochs, int classes) {
    if (classes < 2 || epochs.isEmpty()) {
      return Optional.empty();
    }
    double chance = Math.log(classes);
    double loss = epochs.get(epochs.size() - 1).trainLoss();
    if (!(Math.abs(loss - chance) <= STUCK_TOLERANCE * chance)) {
      return Optional.empty();
    }
    return Optional.of(new Hint(LOSS_STUCK, List.of(epochs.size(), loss, classes, chance)));
  }

  /** The hints for {@code d}; empty when everything is in the healthy range. */
  public static List<Hint> assess(TrainingEvent.Diagnostics d) {
    List<Hint> hints = new ArrayList<>();
    double[] ratios = d.updates().stream().filter(u -> u.weight() && Double.isFinite(u.ratio()))
        .mapToDouble(TrainingEvent.Diagnostics.UpdateRatio::ratio).toArray();
    if (ratios.length > 0) {
      double median = median(ratios);
      if (median >= TARGET_RATIO * TOLERANCE) {
        hints.add(new Hint("train.health.updatesTooLarge", List.of(Math.round(median / TARGET_RATIO),
            layers(d, u -> u.ratio() >= TARGET_RATIO * TOLERANCE))));
      } else if (median <= TARGET_RATIO / TOLERANCE) {
        hints.add(new Hint("train.health.updatesTooSmall", List.of(Math.round(TARGET_RATIO / median),
            layers(d, u -> u.ratio() <= TARGET_RATIO / TOLERANCE))));
      }
    }
    String collapsed = d.activations().stream().filter(a -> a.std() < COLLAPSED_STD)
        .map(TrainingEvent.Diagnostics.ActivationSpread::node).limit(NAMED_LAYERS).collect(Collectors.joining(", "));
    if (!collapsed.isEmpty()) {
      hints.add(new Hint("train.health.activationsCollapsed", List.of(collapsed)));
    }
    String exploding = d.activations().stream().filter(a -> !(a.std() <= EXPLODING_STD))
        .map(TrainingEvent.Diagnostics.ActivationSpread::node).limit(NAMED_LAYERS).collect(Collectors.joining(", "));
    if (!exploding.isEmpty()) {
      hints.add(new Hint("train.health.activationsExploding", List.of(exploding)));
    }
    return hints;
  }

  private static String layers(TrainingEvent.Diagnostics d,
      java.util.function.Predicate<TrainingEvent.Diagnostics.UpdateRatio> outside) {
    return d.updates().stream().filter(u -> u.weight() && Double.isFinite(u.ratio()) && outside.test(u))
        .map(TrainingEvent.Diagnostics.UpdateRatio::parameter).limit(NAMED_LAYERS).collect(Collectors.joining(", "));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
