package org.tensorworkbench.ui.training;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorworkbench.engine.train.ClassificationEvaluation;
import org.tensorworkbench.engine.train.TrainingEvent;

/**
 * The series the Training screen draws, fed with the events of one run: the loss of every
 * iteration, raw and exponentially smoothed; train and test loss and accuracy per epoch; and
 * per layer the update/parameter ratio and the activation spread over time. Every series is a
 * {@link DecimatedSeries}, so memory and drawing time stay bounded however long the run.
 *
 * <p>The smoothed loss is the bias-corrected exponential moving average
 * s_t = β·s_{t−1} + (1 − β)·loss_t, shown as s_t / (1 − β^t) (as TensorBoard smooths), β = 0.95.
 */
public final class LiveCurves {
  public static final int MAX_POINTS = 2000;
  static final double SMOOTHING = 0.95;

  private final DecimatedSeries loss = new DecimatedSeries(MAX_POINTS);
  private final DecimatedSeries smoothLoss = new DecimatedSeries(MAX_POINTS);
  private final DecimatedSeries trainLoss = new DecimatedSeries(MAX_POINTS);
  private final DecimatedSeries testLoss = new DecimatedSeries(MAX_POINTS);
  private final DecimatedSeries trainAccuracy = new DecimatedSeries(MAX_POINTS);
  private final DecimatedSeries testAccuracy = new DecimatedSeries(MAX_POINTS);
  private final Map<String, DecimatedSeries> updateRatios = new LinkedHashMap<>();
  private final Map<String, DecimatedSeries> activationSpreads = new LinkedHashMap<>();
  private double average;
  private long averaged;
  private double bestTestAccuracy = Double.NaN;

  /** Adds what {@code event} reports to the series; true if a series changed. */
  public boolean add(TrainingEvent event) {
    if (event instanceof TrainingEvent.Iteration it) {
      double x = it.iteration() + 1;
      loss.add(x, it.loss());
      if (Double.isFinite(it.loss())) {
        averaged++;
        average = SMOOTHING * average + (1 - SMOOTHING) * it.loss();
        smoothLoss.add(x, average / (1 - Math.pow(SMOOTHING, averaged)));
      }
      return true;
    } else if (event instanceof TrainingEvent.Epoch e) {
      double x = e.epoch() + 1;
      trainLoss.add(x, e.trainLoss());
      testLoss.add(x, e.test().loss());
      if (e.test() instanceof ClassificationEvaluation) {
        trainAccuracy.add(x, e.trainAccuracy());
        testAccuracy.add(x, e.test().accuracy());
        if (!(e.test().accuracy() <= bestTestAccuracy)) {
          bestTestAccuracy = e.test().accuracy();
        }
      }
      return true;
    } else if (event instanceof TrainingEvent.Diagnostics d) {
      double x = d.iteration() + 1;
      for (TrainingEvent.Diagnostics.UpdateRatio u : d.updates()) {
        if (u.weight()) {
          updateRatios.computeIfAbsent(u.parameter(), k -> new DecimatedSeries(MAX_POINTS)).add(x, u.ratio());
        }
      }
      for (TrainingEvent.Diagnostics.ActivationSpread a : d.activations()) {
        activationSpreads.computeIfAbsent(a.node(), k -> new DecimatedSeries(MAX_POINTS)).add(x, a.std());
      }
      return true;
    }
    return false;
  }

  public DecimatedSeries loss() {
    return loss;
  }

  public DecimatedSeries smoothLoss() {
    return smoothLoss;
  }

  public DecimatedSeries trainLoss() {
    return trainLoss;
  }

  public DecimatedSeries testLoss() {
    return testLoss;
  }

  public DecimatedSeries trainAccuracy() {
    return trainAccuracy;
  }

  public DecimatedSeries testAccuracy() {
    return testAccuracy;
  }

  /** Weight variable → its update/parameter ratio over iterations, in graph order. */
  public Map<String, DecimatedSeries> updateRatios() {
    return Collections.unmodifiableMap(updateRatios);
  }

  /** Layer → the standard deviation of its output for the probe example, over iterations. */
  public Map<String, DecimatedSeries> activationSpreads() {
    return Collections.unmodifiableMap(activationSpreads);
  }

  /** The best test accuracy of any epoch so far, NaN before the first (or for a regression). */
  public double bestTestAccuracy() {
    return bestTestAccuracy;
  }
}
