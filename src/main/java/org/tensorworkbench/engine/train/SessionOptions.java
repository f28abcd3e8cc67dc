package org.tensorworkbench.engine.train;

import java.time.Duration;
import java.util.List;
import org.tensorworkbench.engine.data.BatchAugmenter;
import org.tensorworkbench.engine.io.Predictor;

/**
 * How a {@link TrainingSession} reports, beyond what is trained.
 *
 * @param snapshotInterval how often weights and probe activations are copied for the UI
 *     (copying every iteration would cost more than small networks' training); zero disables
 *     snapshots, except that a snapshot is always taken after a single step while paused
 * @param probeIndex the test example whose activations are captured, or -1 for none
 * @param probeOutputs the node ids (see {@code CompiledNetwork.activationNames()}) whose outputs
 *     are captured for the probe example
 * @param evaluationChunk examples per forward pass when evaluating the test split through
 *     SameDiff (the direct path evaluates in minibatches of the training batch size, reusing its arrays)
 * @param startPaused whether {@link TrainingSession#start()} waits for resume or step before the
 *     first minibatch
 * @param directPath train networks that {@code engine.direct.DirectTrainer} handles with it
 *     (the same numbers, several times faster); false always trains through SameDiff's fit
 * @param augmentation changes each training minibatch on the fly (never the test or validation
 *     data), or null for none
 */
public record SessionOptions(Duration snapshotInterval, int probeIndex, List<String> probeOutputs,
    int evaluationChunk, boolean startPaused, boolean directPath, BatchAugmenter augmentation) {

  public SessionOptions {
    if (snapshotInterval == null || snapshotInterval.isNegative()) {
      throw new IllegalArgumentException("snapshot interval must be zero or positive");
    }
    probeOutputs = List.copyOf(probeOutputs);
    if (evaluationChunk < 1) {
      throw new IllegalArgumentException("evaluation chunk must be positive: " + evaluationChunk);
    }
  }

  /** No snapshots (the command line), test evaluation in chunks of 500. */
  public static SessionOptions quiet() {
    return new SessionOptions(Duration.ZERO, -1, List.of(), Predictor.CHUNK, false, true, null);
  }

  /** Snapshots every {@code interval} of the weights and of {@code outputs} for test example {@code probeIndex}. */
  public SessionOptions withSnapshots(Duration interval, int newProbeIndex, List<String> outputs) {
    return new SessionOptions(interval, newProbeIndex, outputs, evaluationChunk, startPaused, directPath, augmentation);
  }

  public SessionOptions withStartPaused(boolean value) {
    return new SessionOptions(snapshotInterval, probeIndex, probeOutputs, evaluationChunk, value, directPath, augmentation);
  }

  /** Whether networks the direct path handles train with it (default) or always through SameDiff. */
  public SessionOptions withDirectPath(boolean value) {
    return new SessionOptions(snapshotInterval, probeIndex, probeOutputs, evaluationChunk, startPaused, value, augmentation);
  }

  /** Augments every training minibatch with {@code value} (null: none). */
  public SessionOptions withAugmentation(BatchAugmenter value) {
    return new SessionOptions(snapshotInterval, probeIndex, probeOutputs, evaluationChunk, startPaused, directPath, value);
  }
}
