package org.tensorworkbench.engine.io;

import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.data.Batch;
import org.tensorworkbench.engine.data.DatasetSplit;
import org.tensorworkbench.engine.data.Normalization;
import org.tensorworkbench.engine.graph.CompiledNetwork;

/**
 * The one path from data to a trained network's outputs, for the Training screen, the Predict
 * screen, the command line's {@code predict}, evaluation and the export checks.
 *
 * <ul>
 *   <li>Normalization: a saved model's inputs are normalized with the map recorded in its file
 *       (x = (raw / divisor − μ) / σ, {@link NormalizationRecord}), so it sees new data as it saw
 *       its training data, whatever the dataset's own normalization is; a network being trained
 *       uses its dataset's.
 *   <li>Batching: a split is run in chunks of {@value #CHUNK} examples and every chunk's arrays
 *       are closed at once (ND4J frees native memory only when the garbage collector runs).
 *   <li>The predicted class is the arg max of the outputs (softmax is monotonic, so of the
 *       logits too); accuracy is the share of arg maxes equal to the label.
 * </ul>
 * Call it on the thread that owns the network (SameDiff updates weights in place).
 */
public final class Predictor {
  /** Examples per forward pass. */
  public static final int CHUNK = CompiledNetwork.PREDICT_CHUNK;

  private final CompiledNetwork network;
  private final Normalization normalization;
  private final int chunk;

  private Predictor(CompiledNetwork network, Normalization normalization, int chunk) {
    if (chunk < 1) {
      throw new IllegalArgumentException("chunk must be positive: " + chunk);
    }
    this.network = network;
    this.normalization = normalization;
    this.chunk = chunk;
  }

  /** The same with {@code examples} per forward pass instead of {@value #CHUNK}. */
  public Predictor withChunk(int examples) {
    return new Predictor(network, normalization, examples);
  }

  /** For a model from a file: its recorded normalization when it has one, else the data's own. */
  public static Predictor of(SavedModel model) {
    return of(model.network(), model.metadata());
  }

  /** For a network with the metadata it is (or would be) saved with. */
  public static Predictor of(CompiledNetwork network, ModelMetadata metadata) {
    NormalizationRecord record = metadata.normalization();
    return new Predictor(network, record == null ? null : record.toNormalization(), CHUNK);
  }

  /** For a network trained on the data it is given: the data's own normalization. */
  public static Predictor of(CompiledNetwork network) {
    return new Predictor(network, null, CHUNK);
  }

  public CompiledNetwork network() {
    return network;
  }

  /** {@code split} normalized as this predictor feeds it to the network. */
  public DatasetSplit prepare(DatasetSplit split) {
    return normalization == null ? split : split.withNormalization(normalization);
  }

  /** Receives one chunk: the rows {@code from}.. of the split, the batch and the network's output for it. */
  @FunctionalInterface
  public interface ChunkConsumer {
    /** @return false to stop after this chunk */
    boolean accept(int from, Batch batch, INDArray output);
  }

  /**
   * Runs the graph output {@code outputName} (e.g. the logits, or the probabilities {@link
   * CompiledNetwork#outputName()}) over the first {@code n} examples of {@code split} in chunks,
   * in inference mode; stops early when the consumer returns false.
   */
  public void forEachChunk(DatasetSplit split, int n, String outputName, ChunkConsumer consumer) {
    DatasetSplit fed = prepare(split);
    for (int from = 0; from < n; from += chunk) {
      Batch batch = fed.batch(from, Math.min(n, from + chunk));
      boolean more;
      try (INDArray features = batch.features(); INDArray labels = batch.labels()) {
        INDArray input = features.dataType() == network.dataType() ? features : features.castTo(network.dataType());
        try (INDArray out = network.sameDiff().output(Map.of(network.inputName(), input), outputName).get(outputName)) {
          more = consumer.accept(from, batch, out); // [B, ...] -> [B, K]
        } finally {
          if (input != features) {
            input.close();
          }
        }
      }
      if (!more) {
        return;
      }
    }
  }

  /**
   * The output for one example given as a person sees it, u = stored value / divisor (pixels in
   * [0, 1]) with the shape of one example, e.g. [C, H, W]: class probabilities for a classifier.
   *
   * @param dataNormalization the data's normalization, used when the model recorded none
   */
  public double[] predictShown(float[] shown, int[] shape, Normalization dataNormalization) {
    long[] batchShape = new long[shape.length + 1];
    batchShape[0] = 1;
    for (int d = 0; d < shape.length; d++) {
      batchShape[d + 1] = shape[d];
    }
    try (INDArray out = outputForShown(shown, batchShape, dataNormalization)) { // [1, ...] -> [1, K]
      return out.castTo(DataType.DOUBLE).data().asDouble();
    }
  }

  /**
   * As {@link #predictShown} for a batch: {@code shown} holds the examples one after another in
   * {@code batchShape} [N, ...] order; returns the network's output [N, K] (the caller closes it).
   */
  public INDArray outputForShown(float[] shown, long[] batchShape, Normalization dataNormalization) {
    Normalization n = normalization != null ? normalization : dataNormalization;
    float[] x = shown.clone();
    if (n != null) {
      int features = (int) (x.length / batchShape[0]);
      for (int i = 0; i < x.length; i++) {
        x[i] = n.apply(x[i] * n.divisor(), i % features); // stored value = u · divisor
      }
    }
    try (INDArray in = Nd4j.create(x, batchShape, 'c')) {
      return network.predict(in);
    }
  }

  /** The index of the largest of {@code k} values from {@code offset} (the first on ties). */
  public static int argMax(float[] values, int offset, int k) {
    int best = 0;
    for (int c = 1; c < k; c++) {
      if (values[offset + c] > values[offset + best]) {
        best = c;
      }
    }
    return best;
  }

  /** As {@link #argMax(float[], int, int)} for doubles. */
  public static int argMax(double[] values) {
    int best = 0;
    for (int c = 1; c < values.length; c++) {
      if (values[c] > values[best]) {
        best = c;
      }
    }
    return best;
  }

  /** The share of {@code predicted} equal to {@code labels}; 0 for none. */
  public static double accuracy(double[] labels, double[] predicted) {
    int right = 0;
    for (int i = 0; i < labels.length; i++) {
      right += labels[i] == predicted[i] ? 1 : 0;
    }
    return labels.length == 0 ? 0 : (double) right / labels.length;
  }
}
