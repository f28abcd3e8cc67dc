package org.tensorworkbench.engine.lab.playground;

import java.util.SplittableRandom;

/**
 * Numerical stability of a deep MLP (d2l 5.4): a fixed batch X ~ N(0, 1) of {@code [N, width]}
 * goes through {@code depth} hidden layers of {@code width} neurons and a linear readout of one
 * value; the loss is the batch mean of the readout. Per hidden layer l it reports the standard
 * deviation of the activations h_l and of the weight gradients ∂L/∂W_l. With N(0, 1) weights the
 * spreads explode or saturate layer after layer, with N(0, 0.01²) they vanish, with Xavier
 * (tanh, sigmoid) or He (ReLU) they stay level.
 *
 * @param activations std of h_l for l = 1..depth
 * @param gradients std of ∂L/∂W_l for l = 1..depth
 */
public record LayerSpreads(double[] activations, double[] gradients) {
  public static final int MAX_DEPTH = 50;
  public static final int MAX_WIDTH = 256;

  /** The spreads for one activation and initialization. */
  public static LayerSpreads measure(Activation activation, Initialization init, int depth, int width, int batch,
      long seed) {
    DenseStack net = deepStack(activation, init, depth, width, seed);
    double[] x = fixedBatch(batch, width, seed);
    DenseStack.Pass pass = net.forward(x, batch);
    double[] dOut = new double[batch];
    java.util.Arrays.fill(dOut, 1.0 / batch);
    DenseStack.Gradients g = net.backward(pass, dOut);
    double[] act = new double[depth];
    double[] grad = new double[depth];
    for (int l = 0; l < depth; l++) {
      act[l] = std(pass.h()[l + 1]);
      grad[l] = std(g.weights()[l]);
    }
    return new LayerSpreads(act, grad);
  }

  /** The network measured: {@code depth} hidden layers of {@code width}, then one linear output. */
  static DenseStack deepStack(Activation activation, Initialization init, int depth, int width, long seed) {
    if (depth < 1 || depth > MAX_DEPTH) {
      throw new PlaygroundException("playground.error.depth", depth, MAX_DEPTH);
    }
    if (width < 1 || width > MAX_WIDTH) {
      throw new PlaygroundException("playground.error.width", width, MAX_WIDTH);
    }
    int[] sizes = new int[depth + 2];
    java.util.Arrays.fill(sizes, width);
    sizes[depth + 1] = 1;
    return new DenseStack(sizes, activation, init, seed);
  }

  /** The fixed input batch [N, width] of N(0, 1) values. */
  static double[] fixedBatch(int batch, int width, long seed) {
    SplittableRandom random = new SplittableRandom(seed + 17);
    double[] x = new double[batch * width];
    for (int i = 0; i < x.length; i++) {
      x[i] = org.tensorworkbench.engine.data.Gaussian.next(random);
    }
    return x;
  }

  /** The population standard deviation of {@code v}. */
  static double std(double[] v) {
    double mean = 0;
    for (double d : v) {
      mean += d;
    }
    mean /= v.length;
    double sum = 0;
    for (double d : v) {
      sum += (d - mean) * (d - mean);
    }
    return Math.sqrt(sum / v.length);
  }
}
