package org.tensorworkbench.engine.graph;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.OutputSpec;

/**
 * A network spec turned into a SameDiff graph, with the names a trainer, a model file and the
 * feature-map views need. Made by {@link NetworkCompiler}.
 *
 * <p>Training: set a TrainingConfig with feature mapping {@link #inputName()} and label mapping
 * {@link #labelsName()}, add {@link #trainingListeners()} to the SameDiff's listeners, and call
 * {@code fit}. The train/inference switch is SameDiff's {@code keras_learning_phase}
 * placeholder, filled automatically (true in fit and calculateGradients, false in output), so
 * BatchNorm uses batch statistics and Dropout drops only while training.
 *
 * <p>SameDiff's output is not synchronized with fit: call {@link #predict} and
 * {@link #activations} from the thread that trains, or when no training runs.
 */
public final class CompiledNetwork {
  /** Rows per forward pass in {@link #predict}: bounds native memory for big inputs. */
  public static final int PREDICT_CHUNK = 500;

  private final NetworkSpec spec;
  private final SameDiff sameDiff;
  private final OutputSpec.Loss loss;
  private final Map<String, String> activationNames;
  private final String logitsName;
  private final String outputName;
  private final List<Listener> trainingListeners;

  CompiledNetwork(NetworkSpec spec, SameDiff sameDiff, OutputSpec.Loss loss, Map<String, String> activationNames,
      String logitsName, String outputName, List<Listener> trainingListeners) {
    this.spec = spec;
    this.sameDiff = sameDiff;
    this.loss = loss;
    this.activationNames = Collections.unmodifiableMap(new LinkedHashMap<>(activationNames));
    this.logitsName = logitsName;
    this.outputName = outputName;
    this.trainingListeners = List.copyOf(trainingListeners);
  }

  /** The design this graph was compiled from. */
  public NetworkSpec spec() {
    return spec;
  }

  /** The graph, with its weights; train it and save it directly. */
  public SameDiff sameDiff() {
    return sameDiff;
  }

  /** FLOAT or DOUBLE: the type of the placeholders, weights and outputs. */
  public DataType dataType() {
    return sameDiff.getVariable(GraphNames.INPUT).dataType();
  }

  /** The features placeholder, [N, ...example shape] (NCHW for images). */
  public String inputName() {
    return GraphNames.INPUT;
  }

  /** The targets placeholder: one-hot [N, K] for cross-entropy, the output's shape for MSE. */
  public String labelsName() {
    return GraphNames.LABELS;
  }

  /**
   * The prediction: class probabilities [N, K] (softmax of the logits) for cross-entropy, the
   * regression output for MSE. It is also the activation name of the Output node.
   */
  public String outputName() {
    return outputName;
  }

  /**
   * The raw scores fed to the loss: logits [N, K] for cross-entropy, predictions for MSE. A
   * listener can request them during fit to compute the loss and accuracy of each batch (the
   * loss fit reports is always 0 in M2.1).
   */
  public String logitsName() {
    return logitsName;
  }

  /** The scalar mean loss of a batch. */
  public String lossName() {
    return GraphNames.LOSS;
  }

  public OutputSpec.Loss loss() {
    return loss;
  }

  /** Node id to the SameDiff variable holding its output (the Input node maps to the input), in topological order. */
  public Map<String, String> activationNames() {
    return activationNames;
  }

  /** The trained parameters (weights, biases, γ, β), in graph order; running statistics are not among them. */
  public List<String> trainableNames() {
    return sameDiff.variables().stream()
        .filter(v -> v.getVariableType() == VariableType.VARIABLE)
        .map(SDVariable::name)
        .toList();
  }

  /** The number of trained scalars. */
  public long parameterCount() {
    return trainableNames().stream().mapToLong(n -> sameDiff.getArrForVarName(n).length()).sum();
  }

  /** Listeners a trainer must add for training to be right, e.g. the BatchNorm running-statistics updater. */
  public List<Listener> trainingListeners() {
    return trainingListeners;
  }

  /**
   * The prediction for {@code x} [N, ...] in inference mode (running statistics, no dropout),
   * computed in chunks of {@link #PREDICT_CHUNK} rows.
   */
  public INDArray predict(INDArray x) {
    INDArray input = x.dataType() == dataType() ? x : x.castTo(dataType());
    long n = input.size(0);
    if (n <= PREDICT_CHUNK) {
      return forward(input, List.of(outputName)).get(outputName);
    }
    INDArray result = null;
    for (long start = 0; start < n; start += PREDICT_CHUNK) {
      long end = Math.min(n, start + PREDICT_CHUNK);
      INDArray chunk = forward(input.get(NDArrayIndex.interval(start, end)), List.of(outputName)).get(outputName);
      if (result == null) {
        long[] shape = chunk.shape().clone();
        shape[0] = n;
        result = Nd4j.create(chunk.dataType(), shape);
      }
      result.get(NDArrayIndex.interval(start, end)).assign(chunk);
      chunk.close();
    }
    return result;
  }

  /** The outputs of the given nodes for {@code x} in inference mode, keyed by node id (feature maps). */
  public Map<String, INDArray> activations(INDArray x, Collection<String> nodeIds) {
    INDArray input = x.dataType() == dataType() ? x : x.castTo(dataType());
    Map<String, String> computed = new HashMap<>();
    Map<String, INDArray> byId = new HashMap<>();
    for (String id : nodeIds) {
      String name = activationNames.get(id);
      if (name == null) {
        throw new IllegalArgumentException("no node " + id);
      }
      if (name.equals(GraphNames.INPUT)) {
        byId.put(id, input);
      } else {
        computed.put(id, name);
      }
    }
    if (!computed.isEmpty()) {
      Map<String, INDArray> byName = forward(input, List.copyOf(computed.values()));
      computed.forEach((id, name) -> byId.put(id, byName.get(name)));
    }
    return byId;
  }

  private Map<String, INDArray> forward(INDArray x, List<String> names) {
    return sameDiff.batchOutput().input(GraphNames.INPUT, x).output(names.toArray(new String[0])).output();
  }
}
