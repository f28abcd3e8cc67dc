package org.tensorworkbench.engine.lab.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The hand-written backward pass against central finite differences of the loss. */
class DenseStackTest {
  private static final int N = 5;
  private static final int[] SIZES = {3, 4, 3, 2};

  @ParameterizedTest
  @EnumSource(Activation.class)
  void crossEntropyGradientsMatchFiniteDifferences(Activation activation) {
    DenseStack net = new DenseStack(SIZES, activation, Initialization.HE, 7);
    randomizeBiases(net);
    double[] x = input();
    int[] labels = {0, 1, 1, 0, 1};
    int[] rows = {0, 1, 2, 3, 4};
    checkGradients(net, () -> {
      DenseStack.Pass p = net.forward(x, N, 0.3, new SplittableRandom(3));
      return Losses.crossEntropy(p.output(), labels, rows, 2, null);
    }, () -> {
      DenseStack.Pass p = net.forward(x, N, 0.3, new SplittableRandom(3));
      double[] g = new double[N * 2];
      Losses.crossEntropy(p.output(), labels, rows, 2, g);
      return net.backward(p, g);
    });
  }

  @Test
  void squaredErrorGradientsMatchFiniteDifferences() {
    DenseStack net = new DenseStack(new int[] {3, 5, 1}, Activation.TANH, Initialization.XAVIER, 11);
    randomizeBiases(net);
    double[] x = input();
    double[] targets = {0.5, -1, 2, 0, 0.3};
    int[] rows = {0, 1, 2, 3, 4};
    checkGradients(net, () -> Losses.squaredError(net.forward(x, N).output(), targets, rows, null), () -> {
      DenseStack.Pass p = net.forward(x, N);
      double[] g = new double[N];
      Losses.squaredError(p.output(), targets, rows, g);
      return net.backward(p, g);
    });
  }

  @Test
  void forwardOfOneNeuronIsHandComputed() {
    DenseStack net = new DenseStack(new int[] {2, 1, 1}, Activation.RELU, Initialization.XAVIER, 1);
    net.weights(0)[0] = 2;
    net.weights(0)[1] = -1;
    net.biases(0)[0] = 0.5;
    net.weights(1)[0] = 3;
    net.biases(1)[0] = -1;
    double[] out = net.forward(new double[] {1, 1, -1, 2}, 2).output();
    assertEquals(3 * 1.5 - 1, out[0], 1e-12, "relu(2 - 1 + 0.5) * 3 - 1");
    assertEquals(-1, out[1], 1e-12, "relu(-2 - 2 + 0.5) = 0");
  }

  private static double[] input() {
    SplittableRandom r = new SplittableRandom(5);
    double[] x = new double[N * 3];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextDouble() * 4 - 2;
    }
    return x;
  }

  private static void randomizeBiases(DenseStack net) {
    SplittableRandom r = new SplittableRandom(9);
    for (int l = 0; l < net.layerCount(); l++) {
      for (int i = 0; i < net.biases(l).length; i++) {
        net.biases(l)[i] = r.nextDouble() - 0.5;
      }
    }
  }

  static void checkGradients(DenseStack net, java.util.function.DoubleSupplier loss,
      java.util.function.Supplier<DenseStack.Gradients> analytic) {
    DenseStack.Gradients g = analytic.get();
    double h = 1e-6;
    for (int l = 0; l < net.layerCount(); l++) {
      for (double[][] pair : new double[][][] {{net.weights(l), g.weights()[l]}, {net.biases(l), g.biases()[l]}}) {
        double[] w = pair[0];
        for (int i = 0; i < w.length; i++) {
          double keep = w[i];
          w[i] = keep + h;
          double up = loss.getAsDouble();
          w[i] = keep - h;
          double down = loss.getAsDouble();
          w[i] = keep;
          double numeric = (up - down) / (2 * h);
          assertEquals(numeric, pair[1][i], 1e-6 + 1e-5 * Math.abs(numeric), "layer " + l + " parameter " + i);
        }
      }
    }
  }
}
