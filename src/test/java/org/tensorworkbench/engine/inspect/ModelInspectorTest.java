package org.tensorworkbench.engine.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.data.DatasetSplit;
import org.tensorworkbench.engine.graph.CompileOptions;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.GraphNames;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.FlattenSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.ShapeInference;
import org.tensorworkbench.engine.spec.Templates;
import org.tensorworkbench.engine.train.ClassificationEvaluation;
import org.tensorworkbench.engine.io.Predictor;
import org.tensorworkbench.engine.train.Evaluator;

class ModelInspectorTest {
  private static final int PIXELS = 28 * 28;
  private static final int CLASSES = 10;
  private static Dataset mnist;
  private static CompiledNetwork softmax;

  @BeforeAll
  static void setUp() {
    DatasetRegistry registry = new DatasetRegistry(Path.of(System.getProperty("tensorworkbench.home", ".")));
    mnist = registry.load(DatasetRegistry.MNIST, DatasetOptions.defaults().withLimit(200).withTestLimit(300)
        .withScaling(DatasetOptions.Scaling.STANDARDIZE));
    softmax = NetworkCompiler.compile(NetworkSpec.sequential("softmax regression", InputSpec.of(1, 28, 28),
        new FlattenSpec(), DenseSpec.of(CLASSES), new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY)),
        CompileOptions.defaults());
    softmax.sameDiff().getArrForVarName(GraphNames.weights("dense1")).assign(Nd4j.create(handWeights(),
        new long[] {PIXELS, CLASSES}, DataType.FLOAT)); // [784, 10]
    softmax.sameDiff().getArrForVarName(GraphNames.bias("dense1")).assign(Nd4j.create(handBias(),
        new long[] {CLASSES}, DataType.FLOAT));
  }

  /** W[j, u] = 0.02·sin(0.37·j + 1.3·u): every class reacts differently to every pixel. */
  private static float[] handWeights() {
    float[] w = new float[PIXELS * CLASSES];
    for (int j = 0; j < PIXELS; j++) {
      for (int u = 0; u < CLASSES; u++) {
        w[j * CLASSES + u] = (float) (0.02 * Math.sin(0.37 * j + 1.3 * u));
      }
    }
    return w;
  }

  private static float[] handBias() {
    float[] b = new float[CLASSES];
    for (int u = 0; u < CLASSES; u++) {
      b[u] = 0.1f * u;
    }
    return b;
  }

  /** softmax(W^T x + b) with x = (image − μ) / σ, in plain Java. */
  private static double[] expectedProbabilities(float[] image) {
    float mean = mnist.normalization().mean()[0];
    float std = mnist.normalization().std()[0];
    float[] w = handWeights();
    float[] b = handBias();
    double[] z = new double[CLASSES];
    for (int u = 0; u < CLASSES; u++) {
      z[u] = b[u];
      for (int j = 0; j < PIXELS; j++) {
        z[u] += w[j * CLASSES + u] * ((image[j] - mean) / std);
      }
    }
    double max = java.util.Arrays.stream(z).max().orElseThrow();
    double sum = 0;
    for (int u = 0; u < CLASSES; u++) {
      z[u] = Math.exp(z[u] - max);
      sum += z[u];
    }
    for (int u = 0; u < CLASSES; u++) {
      z[u] /= sum;
    }
    return z;
  }

  @Test
  void testImagesAreTheStoredPixelsOver255() {
    ModelInspector inspector = new ModelInspector(softmax, mnist.test());
    TensorSnapshot image = inspector.testImage(7);
    assertArrayEquals(new int[] {1, 28, 28}, image.shape());
    for (int j = 0; j < PIXELS; j++) {
      assertEquals(mnist.test().rawFeature(7, j) / 255f, image.values()[j], 1e-7);
    }
    assertEquals(300, inspector.testSize());
    assertEquals(mnist.test().label(7), inspector.testLabel(7));
  }

  @Test
  void classProbabilitiesAreTheSoftmaxOfTheNormalizedImage() {
    ModelInspector inspector = new ModelInspector(softmax, mnist.test());
    assertTrue(mnist.normalization().std()[0] < 0.5f, "standardized, so the normalization really matters");
    for (int i : new int[] {0, 5, 123}) {
      float[] image = inspector.testImage(i).values();
      double[] p = inspector.classProbabilities(image, new int[] {1, 28, 28});
      assertArrayEquals(expectedProbabilities(image), p, 1e-5);
      assertEquals(1.0, java.util.Arrays.stream(p).sum(), 1e-6);
      try (INDArray features = mnist.test().batch(i, i + 1).features(); INDArray out = softmax.predict(features)) {
        assertArrayEquals(out.castTo(DataType.DOUBLE).data().asDouble(), p, 1e-6, "same as predict on the batch");
      }
    }
  }

  @Test
  void rejectsAnImageOfAnotherShape() {
    ModelInspector inspector = new ModelInspector(softmax, mnist.test());
    assertThrows(IllegalArgumentException.class, () -> inspector.classProbabilities(new float[27 * 28],
        new int[] {1, 27, 28}));
  }

  @Test
  void misclassifiedAgreeWithTheConfusionMatrix() {
    ModelInspector inspector = new ModelInspector(softmax, mnist.test());
    ClassificationEvaluation evaluation = (ClassificationEvaluation) new Evaluator(Predictor.of(softmax).withChunk(64)).evaluate(mnist.test());
    long[][] confusion = evaluation.confusion();
    List<Misclassified> all = inspector.misclassified(Integer.MAX_VALUE);
    long[][] counted = new long[CLASSES][CLASSES];
    int previous = -1;
    for (Misclassified m : all) {
      assertTrue(m.index() > previous, "in test order");
      previous = m.index();
      assertEquals(mnist.test().label(m.index()), m.trueClass());
      assertTrue(m.predictedClass() != m.trueClass());
      assertEquals(m.predictedClass(), argMax(m.probabilities()));
      assertEquals(inspector.testImage(m.index()).values().length, m.image().values().length);
      assertArrayEquals(inspector.testImage(m.index()).values(), m.image().values());
      assertArrayEquals(expectedProbabilities(m.image().values()), m.probabilities(), 1e-5);
      counted[m.trueClass()][m.predictedClass()]++;
    }
    long wrong = 0;
    for (int a = 0; a < CLASSES; a++) {
      for (int p = 0; p < CLASSES; p++) {
        assertEquals(a == p ? 0 : confusion[a][p], counted[a][p], "cell " + a + "," + p);
        wrong += a == p ? 0 : confusion[a][p];
      }
    }
    assertEquals(wrong, all.size());
    assertTrue(wrong > 100, "hand-set weights get most of the 300 wrong: " + wrong);

    assertEquals(all.subList(0, 4), inspector.misclassified(4));
    Misclassified first = all.get(0);
    List<Misclassified> cell = inspector.misclassified(first.trueClass(), first.predictedClass(), 1000);
    assertEquals(confusion[first.trueClass()][first.predictedClass()], cell.size());
    assertTrue(cell.stream().allMatch(m -> m.trueClass() == first.trueClass()
        && m.predictedClass() == first.predictedClass()));
  }

  @Test
  void featureMapsHaveTheInferredShapesAndTheConvolutionValues() {
    NetworkSpec spec = Templates.load("lenet");
    CompiledNetwork lenet = NetworkCompiler.compile(spec, CompileOptions.defaults().withSeed(3));
    ModelInspector inspector = new ModelInspector(lenet, mnist.test());
    ModelOutline outline = inspector.outline();
    assertEquals(List.of("conv1", "conv2"), outline.convolutionIds());
    assertEquals("conv1", outline.firstLayerId());
    assertTrue(outline.firstLayerConvolution());
    assertTrue(outline.classifier() && outline.images());
    assertEquals(CLASSES, outline.classCount());

    List<TensorSnapshot> maps = inspector.featureMaps(3);
    assertEquals(3, maps.size());
    assertEquals(spec.nodes().get(0).id(), maps.get(0).name());
    assertArrayEquals(inspector.testImage(3).values(), maps.get(0).values());
    var inferred = ShapeInference.infer(spec, 1);
    for (TensorSnapshot map : maps.subList(1, maps.size())) {
      assertArrayEquals(inferred.outputShape(map.name()).perExample().toIntArray(), map.shape(), map.name());
    }

    // conv1 (5x5, padding 2) at channel 2, row 14, column 9, from the normalized input by hand
    float[] w = lenet.sameDiff().getArrForVarName(GraphNames.weights("conv1")).data().asFloat(); // [5, 5, 1, 6]
    float bias = lenet.sameDiff().getArrForVarName(GraphNames.bias("conv1")).getFloat(2);
    float[] x = mnist.test().features(3); // [1, 28, 28] normalized
    double expected = bias;
    for (int dy = 0; dy < 5; dy++) {
      for (int dx = 0; dx < 5; dx++) {
        int y = 14 - 2 + dy;
        int c = 9 - 2 + dx;
        expected += w[(dy * 5 + dx) * 6 + 2] * x[y * 28 + c];
      }
    }
    assertEquals(expected, maps.get(1).values()[(2 * 28 + 14) * 28 + 9], 1e-4);
  }

  @Test
  void denseOnlyNetworksHaveNoConvolutions() {
    ModelOutline outline = new ModelInspector(softmax, mnist.test()).outline();
    assertEquals("dense1", outline.firstLayerId());
    assertFalse(outline.firstLayerConvolution());
    assertTrue(outline.convolutionIds().isEmpty());
    assertEquals(1, new ModelInspector(softmax, mnist.test()).featureMaps(0).size(), "only the input");
  }

  @Test
  void regressionIsNotAClassifier() {
    DatasetSplit housing = new DatasetRegistry(Path.of(System.getProperty("tensorworkbench.home", ".")))
        .load(DatasetRegistry.HOUSING, DatasetOptions.defaults()).test();
    CompiledNetwork linear = NetworkCompiler.compile(Templates.load("linear-regression"), CompileOptions.defaults());
    ModelInspector inspector = new ModelInspector(linear, housing);
    ModelOutline outline = inspector.outline();
    assertFalse(outline.classifier());
    assertFalse(outline.images());
    assertEquals(0, outline.classCount());
    assertThrows(IllegalStateException.class, () -> inspector.misclassified(3));
  }

  private static int argMax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      best = values[i] > values[best] ? i : best;
    }
    return best;
  }
}
