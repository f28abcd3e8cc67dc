package org.tensorworkbench.engine.lab.playground;

import org.tensorworkbench.engine.train.Optimizer;

/**
 * One optimizer step on a {@link DenseStack}, with the workbench's optimizers and their ND4J
 * defaults (d2l chapter 12), g the gradient plus λ·w for L2 (weights only):
 * <ul>
 *   <li>SGD: w ← w − η·g;
 *   <li>MOMENTUM (Nesterov, μ = 0.9, as ND4J's Nesterovs): v' = μ·v − η·g, w ← w − μ·v + (1 + μ)·v';
 *   <li>ADAM (β1 = 0.9, β2 = 0.999, ε = 1e−8) with bias correction; ADAMW the same with the
 *       decay decoupled: w ← w − η·λ·w besides the Adam step (Loshchilov &amp; Hutter 2019);
 *   <li>RMSPROP (decay 0.95, ε = 1e−8): s ← 0.95·s + 0.05·g², w ← w − η·g / (√s + ε).
 * </ul>
 */
final class ParameterUpdater {
  private static final double MU = 0.9;
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double RMS_DECAY = 0.95;
  private static final double EPS = 1e-8;

  private final TrainSettings settings;
  private final double[][] first; // per parameter array: velocity or first moment or square average
  private final double[][] second;
  private long t;

  ParameterUpdater(DenseStack net, TrainSettings settings) {
    this.settings = settings;
    int layers = net.layerCount();
    first = new double[2 * layers][];
    second = new double[2 * layers][];
    for (int l = 0; l < layers; l++) {
      first[2 * l] = new double[net.weights(l).length];
      second[2 * l] = new double[net.weights(l).length];
      first[2 * l + 1] = new double[net.biases(l).length];
      second[2 * l + 1] = new double[net.biases(l).length];
    }
  }

  void apply(DenseStack net, DenseStack.Gradients g) {
    t++;
    for (int l = 0; l < net.layerCount(); l++) {
      update(net.weights(l), g.weights()[l], 2 * l, true);
      update(net.biases(l), g.biases()[l], 2 * l + 1, false);
    }
  }

  private void update(double[] w, double[] grad, int slot, boolean decays) {
    double lr = settings.learningRate();
    double l2 = decays ? settings.l2() : 0;
    boolean decoupled = settings.optimizer() == Optimizer.ADAMW;
    double[] m = first[slot];
    double[] v = second[slot];
    double c1 = 1 - Math.pow(BETA1, t);
    double c2 = 1 - Math.pow(BETA2, t);
    for (int i = 0; i < w.length; i++) {
      double gi = grad[i] + (decoupled ? 0 : l2 * w[i]);
      switch (settings.optimizer()) {
        case SGD -> w[i] -= lr * gi;
        case MOMENTUM -> {
          double old = m[i];
          m[i] = MU * old - lr * gi;
          w[i] += -MU * old + (1 + MU) * m[i];
        }
        case ADAM, ADAMW -> {
          m[i] = BETA1 * m[i] + (1 - BETA1) * gi;
          v[i] = BETA2 * v[i] + (1 - BETA2) * gi * gi;
          w[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPS) + (decoupled ? lr * l2 * w[i] : 0);
        }
        case RMSPROP -> {
          m[i] = RMS_DECAY * m[i] + (1 - RMS_DECAY) * gi * gi;
          w[i] -= lr * gi / (Math.sqrt(m[i]) + EPS);
        }
      }
    }
  }
}
