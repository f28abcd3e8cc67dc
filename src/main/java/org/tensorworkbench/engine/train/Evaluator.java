package org.tensorworkbench.engine.train;

import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.tensorworkbench.engine.data.BatchIterator;
import org.tensorworkbench.engine.data.DatasetSplit;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.io.Predictor;
import org.tensorworkbench.engine.spec.OutputSpec;

/**
 * Runs a network over a whole split in inference mode and measures it.
 *
 * <p>The split is run through the {@link Predictor} in chunks whose arrays are closed at once:
 * ND4J frees native buffers only when the garbage collector runs, and with a small Java heap that
 * can be late, so one 10,000-image pass would otherwise hold about 0.7 GB more native memory than
 * needed.
 */
public final class Evaluator {

  private final Predictor predictor;

  /** Measures {@code predictor}'s network on the data it normalizes (see {@link Predictor}). */
  public Evaluator(Predictor predictor) {
    this.predictor = predictor;
  }

  /**
   * Loss and metrics of a compiled network on {@code split} as it is normalized, in inference
   * mode: e.g. for a model reopened from its file, with the split from {@link Predictor#prepare}.
   */
  public static Evaluation evaluate(CompiledNetwork network, DatasetSplit split) {
    return new Evaluator(Predictor.of(network)).evaluate(split);
  }

  /**
   * Loss and metrics on every example of {@code split} through {@code forward}, a network's
   * forward pass that needs no graph (the direct path's, {@code DirectTrainer.forward}), in chunks
   * of {@code chunk} written into the same arrays: a tenth of the time SameDiff's inference took
   * for the test split after every epoch (MLP: about 0.6 s of CPU for 10,000 images).
   *
   * @param type the data type {@code forward} takes
   * @param forward features [B, ...] to outputs [B, K], which it owns
   */
  static Evaluation evaluate(DatasetSplit split, OutputSpec.Loss loss, int chunk, DataType type,
      UnaryOperator<INDArray> forward) {
    EvaluationAccumulator accumulator = new EvaluationAccumulator(loss);
    BatchIterator batches = split.iterator(chunk, false, 0);
    try {
      while (batches.hasNext()) {
        DataSet batch = batches.next();
        INDArray features = batch.getFeatures();
        INDArray x = features.dataType() == type ? features : features.castTo(type);
        accumulator.add(forward.apply(x), batch.getLabels());
        if (x != features) {
          x.close();
        }
        batches.recycle(batch);
      }
    } finally {
      batches.releaseSpares();
    }
    return accumulator.result();
  }

  /** Loss and metrics of the network on every example of {@code split}, from its logits. */
  public Evaluation evaluate(DatasetSplit split) {
    CompiledNetwork network = predictor.network();
    EvaluationAccumulator accumulator = new EvaluationAccumulator(network.loss());
    predictor.forEachChunk(split, split.size(), network.logitsName(), (from, batch, out) -> {
      try (INDArray labels = batch.labels()) {
        accumulator.add(out, labels);
      }
      return true;
    });
    return accumulator.result();
  }
}
