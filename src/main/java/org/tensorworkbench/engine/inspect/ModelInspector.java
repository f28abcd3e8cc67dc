package org.tensorworkbench.engine.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tensorworkbench.engine.data.Batch;
import org.tensorworkbench.engine.data.DatasetSplit;
import org.tensorworkbench.engine.data.Normalization;
import org.tensorworkbench.engine.data.Task;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.GraphNames;
import org.tensorworkbench.engine.io.Predictor;
import org.tensorworkbench.engine.spec.Conv2dSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.OutputSpec;

/**
 * Answers the questions the Training screen asks about a network and its test split: which
 * test images it gets wrong, what it predicts for a drawn image, what its convolutions make of
 * one image. Every answer is a record of primitive arrays, so views never touch ND4J.
 *
 * <p>Call every method on the thread that owns the network (the training session's thread, or
 * any thread when no training runs): SameDiff updates weights in place, so a forward pass from
 * another thread could read a half-updated network.
 *
 * <p>Images are shown and drawn as the stored pixels divided by the normalization's divisor
 * (255 for bytes), values in [0, 1]; the split's {@link Normalization} (e.g. {@code (x/255 −
 * μ)/σ}) is applied by the {@link Predictor} before the network sees them, so a drawing and a
 * test image go through the same map as training batches. For a model reopened from its file,
 * pass the test split as {@link Predictor#prepare} gives it, normalized as the model recorded.
 * Probabilities are the softmax of the logits, p_k = exp(z_k) / Σ_j exp(z_j) (d2l 4.1).
 */
public final class ModelInspector {
  private final CompiledNetwork network;
  private final DatasetSplit test;
  private final Predictor predictor;

  /**
   * @param network the network to question, possibly still being trained
   * @param test the split its mistakes and feature maps are taken from
   */
  public ModelInspector(CompiledNetwork network, DatasetSplit test) {
    this.network = network;
    this.test = test;
    this.predictor = Predictor.of(network);
  }

  /** The number of test examples. */
  public int testSize() {
    return test.size();
  }

  /** Which panels make sense for this network and data, and which layers to show. */
  public ModelOutline outline() {
    List<String> convolutions = new ArrayList<>();
    String first = "";
    boolean firstIsConvolution = false;
    for (String id : network.activationNames().keySet()) {
      LayerSpec layer = network.spec().node(id).map(NodeSpec::layer).orElse(null);
      boolean convolution = layer instanceof Conv2dSpec;
      if (convolution) {
        convolutions.add(id);
      }
      if (first.isEmpty() && (convolution || layer instanceof DenseSpec)) {
        first = id;
        firstIsConvolution = convolution;
      }
    }
    boolean classifier = isClassifier();
    return new ModelOutline(classifier, classifier ? test.classCount() : 0, test.featureShape(), test.size(), first,
        firstIsConvolution, convolutions);
  }

  /** The label of test example {@code index} (classifiers only). */
  public int testLabel(int index) {
    requireClassifier();
    return test.label(index);
  }

  /** Test example {@code index} as a person sees it: {@code [C, H, W]}, values in [0, 1]. */
  public TensorSnapshot testImage(int index) {
    requireImages();
    float[] pixels = new float[test.featureSize()];
    float divisor = test.normalization().divisor();
    for (int j = 0; j < pixels.length; j++) {
      pixels[j] = test.rawFeature(index, j) / divisor;
    }
    return new TensorSnapshot("test[" + index + "]", pixels, test.featureShape());
  }

  /**
   * The first {@code max} test examples (in test order) whose predicted class, the arg max of
   * the probabilities, differs from the label. The test split is evaluated in chunks of
   * {@link CompiledNetwork#PREDICT_CHUNK} and stops once {@code max} are found.
   */
  public List<Misclassified> misclassified(int max) {
    return misclassified(-1, -1, max);
  }

  /**
   * As {@link #misclassified(int)}, only examples of class {@code trueClass} predicted as
   * {@code predictedClass} (one off-diagonal cell of the confusion matrix); -1 matches any class.
   */
  public List<Misclassified> misclassified(int trueClass, int predictedClass, int max) {
    requireClassifier();
    requireImages();
    List<Misclassified> found = new ArrayList<>();
    if (max <= 0) {
      return found;
    }
    int k = test.classCount();
    predictor.forEachChunk(test, test.size(), network.outputName(), (from, batch, out) -> { // [B, C, H, W] -> [B, K]
      float[] probabilities;
      try (INDArray flat = out.castTo(DataType.FLOAT).dup('c')) {
        probabilities = flat.data().asFloat();
      }
      for (int row = 0; row < batch.size() && found.size() < max; row++) {
        int predicted = Predictor.argMax(probabilities, row * k, k);
        int label = batch.classIndices()[row];
        if (predicted != label && (trueClass < 0 || trueClass == label)
            && (predictedClass < 0 || predictedClass == predicted)) {
          double[] p = new double[k];
          for (int c = 0; c < k; c++) {
            p[c] = probabilities[row * k + c];
          }
          found.add(new Misclassified(from + row, testImage(from + row), label, predicted, p));
        }
      }
      return found.size() < max;
    });
    return found;
  }

  /**
   * The class probabilities for one image given as the dataset's test images are shown:
   * {@code [C, H, W]}, values in [0, 1] (a drawing from the pad, a picture a person opens).
   */
  public double[] classProbabilities(float[] image, int[] shape) {
    requireClassifier();
    requireImages();
    int[] expected = test.featureShape();
    if (!Arrays.equals(expected, shape) || image.length != test.featureSize()) {
      throw new IllegalArgumentException("the network takes images " + Arrays.toString(expected) + ", got "
          + Arrays.toString(shape) + " with " + image.length + " values");
    }
    return predictor.predictShown(image, shape, test.normalization()); // [1, C, H, W] -> [1, K]
  }

  /**
   * What the network makes of test example {@code testIndex}: the image itself (as shown,
   * values in [0, 1], named by the input node), then the output of every convolution in
   * {@link ModelOutline#convolutionIds()} order, {@code [C_out, H_out, W_out]}, named by its
   * node id. Computed in inference mode.
   */
  public List<TensorSnapshot> featureMaps(int testIndex) {
    requireImages();
    List<String> convolutions = outline().convolutionIds();
    List<TensorSnapshot> maps = new ArrayList<>();
    TensorSnapshot image = testImage(testIndex);
    maps.add(new TensorSnapshot(inputNodeId(), image.values(), image.shape()));
    if (convolutions.isEmpty()) {
      return maps;
    }
    Batch batch = test.batch(testIndex, testIndex + 1);
    try (INDArray features = batch.features(); INDArray labels = batch.labels()) { // [1, C, H, W]
      Map<String, INDArray> outputs = network.activations(features, convolutions);
      for (String id : convolutions) {
        try (INDArray out = outputs.get(id)) { // [1, C_out, H_out, W_out]
          TensorSnapshot batched = TensorSnapshot.of(id, out);
          int[] shape = batched.shape();
          maps.add(new TensorSnapshot(id, batched.values(), Arrays.copyOfRange(shape, 1, shape.length)));
        }
      }
    }
    return maps;
  }

  /**
   * Copies of every trained parameter (weights, biases, γ, β) named as in the graph, e.g.
   * {@code conv1/W} {@code [kH, kW, inC, outC]}: what a training snapshot holds, for a network
   * that is not training (e.g. one just opened from a file).
   */
  public List<TensorSnapshot> weights() {
    List<TensorSnapshot> weights = new ArrayList<>();
    for (String name : network.trainableNames()) {
      weights.add(TensorSnapshot.of(name, network.sameDiff().getArrForVarName(name)));
    }
    return weights;
  }

  private String inputNodeId() {
    return network.activationNames().entrySet().stream()
        .filter(e -> e.getValue().equals(GraphNames.INPUT))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(GraphNames.INPUT);
  }

  private boolean isClassifier() {
    return network.loss() == OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY && test.task() == Task.CLASSIFICATION;
  }

  private void requireClassifier() {
    if (!isClassifier()) {
      throw new IllegalStateException("not a classifier: loss " + network.loss() + ", task " + test.task());
    }
  }

  private void requireImages() {
    if (test.featureShape().length != 3) {
      throw new IllegalStateException("the examples are not images: " + Arrays.toString(test.featureShape()));
    }
  }
}
