package org.tensorworkbench.engine.lab.playground;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tensorworkbench.engine.train.Optimizer;

/**
 * The same deep MLP trained with each initialization of d2l 5.4 on the same 3-arm spiral
 * (400 points, plain SGD, learning rate 0.1, minibatches of 32, the same minibatch order): the
 * loss on all training points at the start, then the mean minibatch loss of every
 * {@value #EVERY} steps, cut off when it stops being finite.
 */
public final class InitializationRace {
  public static final int EVERY = 10;
  public static final int MAX_STEPS = 2000;

  private InitializationRace() {}

  /** Loss curves by initialization: step 0, then one value per {@value #EVERY} steps. */
  public static Map<Initialization, double[]> run(Activation activation, int depth, int width, int steps, long seed) {
    if (steps < EVERY || steps > MAX_STEPS) {
      throw new PlaygroundException("playground.error.raceSteps", steps, EVERY, MAX_STEPS);
    }
    if (depth < 1 || depth > LayerSpreads.MAX_DEPTH) {
      throw new PlaygroundException("playground.error.depth", depth, LayerSpreads.MAX_DEPTH);
    }
    if (width < 1 || width > NetworkSettings.MAX_NEURONS * 4) {
      throw new PlaygroundException("playground.error.width", width, NetworkSettings.MAX_NEURONS * 4);
    }
    PlaneData data = PlaneData.generate(new DataSettings(PlaygroundDataset.SPIRAL, 3, 0.1, 400, 0.2, seed));
    NetworkSettings network = NetworkSettings.deep(depth, width, activation);
    TrainSettings training = new TrainSettings(Optimizer.SGD, 0.1, 32, 0, 0);
    Map<Initialization, double[]> curves = new EnumMap<>(Initialization.class);
    for (Initialization init : Initialization.values()) {
      PlaygroundSession session = new PlaygroundSession(data, network, training, init, seed);
      List<Double> losses = new ArrayList<>();
      losses.add(session.metrics().trainLoss());
      double sum = 0;
      for (int s = 1; s <= steps && Double.isFinite(losses.get(losses.size() - 1)); s++) {
        sum += session.step();
        if (s % EVERY == 0) {
          double mean = sum / EVERY;
          sum = 0;
          if (Double.isFinite(mean)) {
            losses.add(mean);
          } else {
            break;
          }
        }
      }
      curves.put(init, losses.stream().mapToDouble(Double::doubleValue).toArray());
    }
    return Collections.unmodifiableMap(curves);
  }
}
