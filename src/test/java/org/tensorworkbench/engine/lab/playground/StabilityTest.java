package org.tensorworkbench.engine.lab.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StabilityTest {

  @Test
  void xavierAndHeVariancesFollowTheirFormulas() {
    int fanIn = 30;
    int fanOut = 10;
    SplittableRandom random = new SplittableRandom(8);
    for (Initialization init : new Initialization[] {Initialization.XAVIER, Initialization.HE}) {
      int n = 200_000;
      double sum = 0;
      double sq = 0;
      for (int i = 0; i < n; i++) {
        double v = init.draw(random, fanIn, fanOut);
        sum += v;
        sq += v * v;
      }
      double mean = sum / n;
      double variance = sq / n - mean * mean;
      double formula = init == Initialization.XAVIER ? 2.0 / (fanIn + fanOut) : 2.0 / fanIn;
      assertEquals(formula, variance, 0.05 * formula, init + " variance");
      assertEquals(0, mean, 0.01, init + " mean");
    }
  }

  /** The spreads reported per layer are those of the finite-difference gradients of the same loss. */
  @Test
  void gradientSpreadsMatchFiniteDifferences() {
    for (Activation activation : new Activation[] {Activation.SIGMOID, Activation.TANH, Activation.RELU}) {
      int depth = 3;
      int width = 4;
      int batch = 6;
      LayerSpreads spreads = LayerSpreads.measure(activation, Initialization.NORMAL_1, depth, width, batch, 5);
      DenseStack net = LayerSpreads.deepStack(activation, Initialization.NORMAL_1, depth, width, 5);
      double[] x = LayerSpreads.fixedBatch(batch, width, 5);
      for (int l = 0; l < depth; l++) {
        double[] w = net.weights(l);
        double[] numeric = new double[w.length];
        double h = 1e-6;
        for (int i = 0; i < w.length; i++) {
          double keep = w[i];
          w[i] = keep + h;
          double up = mean(net.forward(x, batch).output());
          w[i] = keep - h;
          double down = mean(net.forward(x, batch).output());
          w[i] = keep;
          numeric[i] = (up - down) / (2 * h);
        }
        double expected = LayerSpreads.std(numeric);
        assertEquals(expected, spreads.gradients()[l], 1e-6 * Math.max(1, expected), activation + " layer " + (l + 1));
        assertEquals(LayerSpreads.std(net.forward(x, batch).h()[l + 1]), spreads.activations()[l], 1e-12);
      }
    }
  }

  @Test
  void smallWeightsVanishAndHeStaysLevelForRelu() {
    LayerSpreads small = LayerSpreads.measure(Activation.RELU, Initialization.NORMAL_001, 20, 64, 64, 1);
    LayerSpreads he = LayerSpreads.measure(Activation.RELU, Initialization.HE, 20, 64, 64, 1);
    assertTrue(small.activations()[19] < 1e-20, Arrays.toString(small.activations()));
    double ratio = he.activations()[19] / he.activations()[0];
    assertTrue(ratio > 0.1 && ratio < 10, "He keeps the spread within a factor 10 over 20 layers: " + ratio);
  }

  @Test
  void productOfRandomMatricesExplodesAndSigmoidGradientVanishes() {
    StabilityDemos.MatrixProduct product = StabilityDemos.matrixProduct(100, 0);
    assertEquals(100, product.norms().length);
    assertTrue(product.norms()[99] > 1e15, "d2l: the entries grow to about 1e20: " + product.norms()[99]);
    double[][] curve = StabilityDemos.sigmoidCurve(161);
    assertEquals(0.25, curve[2][80], 1e-12, "σ'(0) = 1/4");
    assertEquals(Math.exp(-8) / Math.pow(1 + Math.exp(-8), 2), curve[2][0], 1e-15);
  }

  @Test
  void raceGivesOneFiniteCurvePerInitialization() {
    Map<Initialization, double[]> curves = InitializationRace.run(Activation.RELU, 8, 16, 100, 3);
    assertEquals(4, curves.size());
    double[] he = curves.get(Initialization.HE);
    assertEquals(11, he.length, "step 0 and every 10 steps");
    assertTrue(he[10] < he[0], "He trains: " + Arrays.toString(he));
    double[] tiny = curves.get(Initialization.NORMAL_001);
    assertEquals(Math.log(3), tiny[10], 0.05, "N(0, 0.01²) through 8 layers: the output stays near 0, loss near ln 3");
    assertTrue(he[10] < tiny[10] - 0.1, "He learns, N(0, 0.01²) does not: " + Arrays.toString(he));
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).average().orElseThrow();
  }
}
