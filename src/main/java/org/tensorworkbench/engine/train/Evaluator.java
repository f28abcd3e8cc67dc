package org.tensorworkbench.engine.train;

import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tensorworkbench.engine.data.Batch;
import org.tensorworkbench.engine.data.DatasetSplit;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.spec.OutputSpec;

/**
 * Runs a network over a whole split in inference mode and measures it.
 *
 * <p>The split is cut into chunks (500 examples by default) and every chunk's input and output
 * arrays are closed at once: ND4J frees native buffers only when the garbage collector runs, and
 * with a small Java heap that can be late, so one 10,000-image pass would otherwise hold about
 * 0.7 GB more native memory than needed.
 */
public final class Evaluator {
  /** Examples per forward pass. */
  public static final int DEFAULT_CHUNK = 500;

  private final SameDiff sameDiff;
  private final String inputName;
  private final String outputName;
  private final OutputSpec.Loss loss;
  private final int chunk;

  /**
   * @param sameDiff the network
   * @param inputName its input placeholder
   * @param outputName its raw output: logits for cross-entropy, predictions for MSE
   * @param loss what the network is trained on, deciding which metrics are computed
   * @param chunk examples per forward pass
   */
  public Evaluator(SameDiff sameDiff, String inputName, String outputName, OutputSpec.Loss loss, int chunk) {
    if (chunk < 1) {
      throw new IllegalArgumentException("chunk must be positive: " + chunk);
    }
    this.sameDiff = sameDiff;
    this.inputName = inputName;
    this.outputName = outputName;
    this.loss = loss;
    this.chunk = chunk;
  }

  /**
   * Loss and metrics of a compiled network on {@code split}, in inference mode, in chunks of
   * {@link #DEFAULT_CHUNK}: e.g. for a model reopened from its file.
   */
  public static Evaluation evaluate(CompiledNetwork network, DatasetSplit split) {
    return new Evaluator(network.sameDiff(), network.inputName(), network.logitsName(), network.loss(), DEFAULT_CHUNK)
        .evaluate(split);
  }

  /** Loss and metrics of the network on every example of {@code split}. */
  public Evaluation evaluate(DatasetSplit split) {
    EvaluationAccumulator accumulator = new EvaluationAccumulator(loss);
    for (int from = 0; from < split.size(); from += chunk) {
      Batch batch = split.batch(from, Math.min(split.size(), from + chunk));
      try (INDArray features = batch.features();
          INDArray labels = batch.labels();
          INDArray out = sameDiff.output(Map.of(inputName, features), outputName).get(outputName)) {
        accumulator.add(out, labels);
      }
    }
    return accumulator.result();
  }
}
