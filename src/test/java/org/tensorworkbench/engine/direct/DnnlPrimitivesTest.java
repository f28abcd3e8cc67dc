package org.tensorworkbench.engine.direct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.layers.convolution.AvgPooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.MaxPooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2DDerivative;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * oneDNN's primitives as engine.direct drives them, in FLOAT on channels-last data, against
 * libnd4j's generic ops in DOUBLE on the same numbers laid out channels-first (the reference the
 * SameDiff graph computes): convolutions forward and both backward passes for LeNet's layers,
 * strides, padding and sizes where the last window leaves rows unread; max and average pooling
 * and their gradients; σ and tanh with derivatives from the output; the layout changes.
 */
class DnnlPrimitivesTest {
  @BeforeAll
  static void oneDnnPresent() {
    assumeTrue(Dnnl.available(), "oneDNN is not available on this platform");
  }

  static Stream<Arguments> convolutions() {
    // n, C, H, W, O, kH, kW, sH, sW, pH, pW, bias
    return Stream.of(
        Arguments.of("LeNet's first layer", new int[] {4, 1, 28, 28, 6, 5, 5, 1, 1, 2, 2}, true),
        Arguments.of("LeNet's second layer", new int[] {3, 6, 14, 14, 16, 5, 5, 1, 1, 0, 0}, true),
        Arguments.of("strided and padded, three channels", new int[] {2, 3, 12, 12, 8, 3, 3, 2, 2, 1, 1}, true),
        Arguments.of("last row and column unread, no bias", new int[] {2, 2, 8, 9, 3, 3, 2, 2, 3, 0, 0}, false),
        Arguments.of("stride larger than the padding leaves over", new int[] {2, 2, 9, 9, 4, 2, 2, 3, 3, 0, 0}, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("convolutions")
  void convolutionMatchesLibnd4jInDouble(String name, int[] g, boolean bias) {
    int n = g[0], c = g[1], h = g[2], w = g[3], o = g[4], kH = g[5], kW = g[6], sH = g[7], sW = g[8], pH = g[9], pW = g[10];
    int oH = (h + 2 * pH - kH) / sH + 1;
    int oW = (w + 2 * pW - kW) / sW + 1;
    Nd4j.getRandom().setSeed(42);
    INDArray x = Nd4j.rand(DataType.DOUBLE, n, c, h, w).subi(0.5); // [n, C, H, W]
    INDArray weights = Nd4j.rand(DataType.DOUBLE, kH, kW, c, o).subi(0.5); // [kH, kW, C, O]
    INDArray b = bias ? Nd4j.rand(DataType.DOUBLE, o) : null;
    INDArray dy = Nd4j.rand(DataType.DOUBLE, n, o, oH, oW).subi(0.5); // [n, O, oH, oW]

    int[] iArgs = {kH, kW, sH, sW, pH, pW, 1, 1, 0, 0, 0};
    INDArray y = Nd4j.create(DataType.DOUBLE, n, o, oH, oW);
    Nd4j.exec(op("conv2d", iArgs, bias ? new INDArray[] {x, weights, b} : new INDArray[] {x, weights}, y));
    INDArray dx = x.ulike();
    INDArray dw = weights.ulike();
    INDArray db = bias ? b.ulike() : null;
    Nd4j.exec(op("conv2d_bp", iArgs, bias ? new INDArray[] {x, weights, b, dy} : new INDArray[] {x, weights, dy},
        bias ? new INDArray[] {dx, dw, db} : new INDArray[] {dx, dw}));

    try (DnnlConvolution conv = new DnnlConvolution(new long[] {n, h, w, c}, weights.shape(), new int[] {sH, sW},
        new int[] {pH, pW}, bias)) {
      INDArray xLast = channelsLast(x);
      INDArray dyLast = channelsLast(dy);
      INDArray wF = weights.castTo(DataType.FLOAT);
      INDArray bF = bias ? b.castTo(DataType.FLOAT) : null;
      INDArray yLast = Nd4j.create(DataType.FLOAT, n, oH, oW, o);
      INDArray dxLast = Nd4j.create(DataType.FLOAT, n, h, w, c).assign(Double.NaN);
      INDArray dwF = Nd4j.create(DataType.FLOAT, kH, kW, c, o);
      INDArray dbF = bias ? Nd4j.create(DataType.FLOAT, o) : null;
      for (int repeat = 0; repeat < 2; repeat++) { // the primitives are made once and run again
        conv.forward(xLast, wF, bF, yLast);
        conv.backwardWeights(xLast, dyLast, dwF, dbF);
        conv.backwardData(dyLast, wF, dxLast);
        assertClose(channelsLast(y), yLast, name + ": y");
        assertClose(dw, dwF, name + ": dL/dW");
        if (bias) {
          assertClose(db, dbF, name + ": dL/db");
        }
        assertClose(channelsLast(dx), dxLast, name + ": dL/dx");
      }
    }
  }

  static Stream<Arguments> poolings() {
    // n, C, H, W, kH, kW, sH, sW, pH, pW
    return Stream.of(
        Arguments.of("LeNet's average 2x2", false, new int[] {3, 6, 28, 28, 2, 2, 2, 2, 0, 0}),
        Arguments.of("average 3x3 stride 2, last row unread", false, new int[] {2, 4, 8, 9, 3, 3, 2, 2, 0, 0}),
        Arguments.of("max 2x2", true, new int[] {3, 16, 10, 10, 2, 2, 2, 2, 0, 0}),
        Arguments.of("max 3x3 stride 2, padded", true, new int[] {2, 5, 9, 9, 3, 3, 2, 2, 1, 1}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("poolings")
  void poolingMatchesLibnd4jInDouble(String name, boolean max, int[] g) {
    int n = g[0], c = g[1], h = g[2], w = g[3], kH = g[4], kW = g[5], sH = g[6], sW = g[7], pH = g[8], pW = g[9];
    int oH = (h + 2 * pH - kH) / sH + 1;
    int oW = (w + 2 * pW - kW) / sW + 1;
    Nd4j.getRandom().setSeed(7);
    INDArray x = Nd4j.rand(DataType.DOUBLE, n, c, h, w).subi(0.5); // [n, C, H, W], distinct values: one maximum per window
    INDArray dy = Nd4j.rand(DataType.DOUBLE, n, c, oH, oW);
    Pooling2DConfig config = Pooling2DConfig.builder().kH(kH).kW(kW).sH(sH).sW(sW).pH(pH).pW(pW).dH(1).dW(1)
        .type(max ? Pooling2D.Pooling2DType.MAX : Pooling2D.Pooling2DType.AVG).extra(0)
        .paddingMode(PaddingMode.VALID).isNHWC(false).build();
    INDArray y = Nd4j.create(DataType.DOUBLE, n, c, oH, oW);
    Nd4j.exec(max ? new MaxPooling2D(x, y, config) : new AvgPooling2D(x, y, config));
    INDArray dx = x.ulike();
    Nd4j.exec(new Pooling2DDerivative(x, dy, dx, config));

    try (DnnlPooling pooling = new DnnlPooling(max, new long[] {n, h, w, c}, new int[] {kH, kW}, new int[] {sH, sW},
        new int[] {pH, pW})) {
      INDArray yLast = Nd4j.create(DataType.FLOAT, n, oH, oW, c);
      INDArray dxLast = Nd4j.create(DataType.FLOAT, n, h, w, c).assign(Double.NaN);
      pooling.forward(channelsLast(x), yLast);
      pooling.backward(channelsLast(dy), dxLast);
      assertClose(channelsLast(y), yLast, name + ": y");
      assertClose(channelsLast(dx), dxLast, name + ": dL/dx");
    }
  }

  @ParameterizedTest(name = "n={0}, D={1}, U={2}, bias {3}")
  @MethodSource("innerProducts")
  void innerProductMatchesMatrixProductsInDouble(int n, int d, int u, boolean bias) {
    Nd4j.getRandom().setSeed(3);
    INDArray x = Nd4j.rand(DataType.DOUBLE, n, d).subi(0.5); // [n, D]
    INDArray weights = Nd4j.rand(DataType.DOUBLE, d, u).subi(0.5); // [D, U]
    INDArray b = Nd4j.rand(DataType.DOUBLE, u);
    INDArray delta = Nd4j.rand(DataType.DOUBLE, n, u).subi(0.5); // ∂L/∂y [n, U]
    INDArray y = x.mmul(weights);
    if (bias) {
      y.addiRowVector(b);
    }
    try (DnnlInnerProduct product = new DnnlInnerProduct(n, d, u, bias)) {
      INDArray yF = Nd4j.create(DataType.FLOAT, n, u);
      INDArray dxF = Nd4j.create(DataType.FLOAT, n, d).assign(Double.NaN);
      INDArray dwF = Nd4j.create(DataType.FLOAT, d, u).assign(Double.NaN);
      INDArray dbF = bias ? Nd4j.create(DataType.FLOAT, u).assign(Double.NaN) : null;
      INDArray xF = x.castTo(DataType.FLOAT);
      INDArray wF = weights.castTo(DataType.FLOAT);
      INDArray deltaF = delta.castTo(DataType.FLOAT);
      product.forward(xF, wF, bias ? b.castTo(DataType.FLOAT) : null, yF);
      product.backwardWeights(xF, deltaF, dwF, dbF);
      product.backwardData(deltaF, wF, dxF);
      assertClose(y, yF, "y");
      assertClose(delta.mmul(weights.transpose()), dxF, "dL/dx");
      assertClose(x.transpose().mmul(delta), dwF, "dL/dW");
      if (bias) {
        assertClose(delta.sum(0), dbF, "dL/db");
      }
    }
  }

  static Stream<Arguments> innerProducts() {
    return Stream.of(Arguments.of(128, 400, 120, true), Arguments.of(5, 84, 10, true), Arguments.of(7, 3, 4, false));
  }

  @Test
  void sigmoidAndTanhWithDerivativesFromTheOutput() {
    float[] xs = {-30f, -2f, -0.5f, 0f, 0.25f, 1f, 3f, 30f};
    INDArray x = Nd4j.createFromArray(xs);
    INDArray dy = Nd4j.createFromArray(1f, -2f, 0.5f, 3f, 1f, -1f, 2f, 4f);
    for (boolean sigmoid : new boolean[] {true, false}) {
      try (DnnlEltwise f = new DnnlEltwise(sigmoid, xs.length)) {
        INDArray y = x.ulike();
        INDArray dx = x.ulike();
        f.forward(x, y);
        f.backward(y, dy, dx);
        for (int i = 0; i < xs.length; i++) {
          double expected = sigmoid ? 1 / (1 + Math.exp(-xs[i])) : Math.tanh(xs[i]);
          double derivative = sigmoid ? expected * (1 - expected) : 1 - expected * expected;
          assertEquals(expected, y.getDouble(i), 1e-6, (sigmoid ? "σ(" : "tanh(") + xs[i] + ")");
          assertEquals(dy.getDouble(i) * derivative, dx.getDouble(i), 1e-6, (sigmoid ? "σ'(" : "tanh'(") + xs[i] + ")");
        }
      }
    }
  }

  @ParameterizedTest(name = "[n, C, H, W] = {0}")
  @MethodSource("imageShapes")
  void channelsOrderBothWays(long[] s) {
    long length = s[0] * s[1] * s[2] * s[3];
    INDArray first = Nd4j.linspace(DataType.FLOAT, 1, length, 1).reshape(s); // [n, C, H, W]
    try (DnnlChannelsOrder order = new DnnlChannelsOrder(s[0], s[1], s[2], s[3])) {
      INDArray last = order.toChannelsLast(first, Nd4j.create(DataType.FLOAT, s[0], s[2], s[3], s[1]));
      assertEquals(first.permute(0, 2, 3, 1).dup('c'), last);
      INDArray back = order.toChannelsFirst(last, Nd4j.create(DataType.FLOAT, s));
      assertArrayEquals(first.data().asFloat(), back.data().asFloat(), 0f);
    }
  }

  static Stream<long[]> imageShapes() {
    // one channel and 1x1 images: the two layouts are the same bytes
    return Stream.of(new long[] {2, 3, 4, 5}, new long[] {2, 1, 4, 5}, new long[] {3, 16, 1, 1});
  }

  @Test
  void switchedOffByTheSystemProperty() {
    String before = System.getProperty(Dnnl.SWITCH);
    try {
      System.setProperty(Dnnl.SWITCH, "false");
      assertTrue(!Dnnl.available());
    } finally {
      if (before == null) {
        System.clearProperty(Dnnl.SWITCH);
      } else {
        System.setProperty(Dnnl.SWITCH, before);
      }
    }
    assertTrue(Dnnl.available());
  }

  /** [n, C, H, W] (any type) → a new FLOAT array [n, H, W, C]. */
  private static INDArray channelsLast(INDArray a) {
    return a.permute(0, 2, 3, 1).castTo(DataType.FLOAT).dup('c');
  }

  private static void assertClose(INDArray expected, INDArray actual, String what) {
    INDArray e = expected.castTo(DataType.DOUBLE);
    INDArray a = actual.castTo(DataType.DOUBLE);
    assertArrayEquals(e.shape(), a.shape(), what + " shape");
    double scale = Math.max(1, e.amaxNumber().doubleValue());
    double difference = e.sub(a).amaxNumber().doubleValue();
    assertTrue(difference <= 2e-5 * scale, what + " differs by " + difference + " (largest value " + scale + ")");
  }

  private static DynamicCustomOp op(String name, int[] iArgs, INDArray[] inputs, INDArray... outputs) {
    return DynamicCustomOp.builder(name).addInputs(inputs).addOutputs(outputs).addIntegerArguments(iArgs).build();
  }
}
