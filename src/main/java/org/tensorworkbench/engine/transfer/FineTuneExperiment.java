package org.tensorworkbench.engine.transfer;

import java.util.Map;
import java.util.function.Consumer;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.train.PreparedRun;
import org.tensorworkbench.engine.train.SessionOptions;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.engine.train.TrainingSession;

/**
 * Fine-tuning against training from scratch (d2l 14.2): the pretrained network adapted to a
 * new task ({@link FineTunedNetwork#fineTune}) and the same new network with random weights
 * ({@link FineTunedNetwork#fromScratch}), both trained on the same data with the same
 * configuration (optimizer, base learning rate, batch size, epochs, seed: the same minibatch
 * order), each through the one training path, {@link PreparedRun} and {@link TrainingSession}.
 * With the same seed, the same curves.
 */
public final class FineTuneExperiment {
  /** The two networks compared. */
  public enum Side { FINE_TUNED, SCRATCH }

  private final FineTunedNetwork fineTuned;
  private final FineTunedNetwork scratch;
  private final PreparedRun fineTunedRun;
  private final PreparedRun scratchRun;

  private FineTuneExperiment(FineTunedNetwork fineTuned, FineTunedNetwork scratch, Dataset data, TrainingConfig config) {
    this.fineTuned = fineTuned;
    this.scratch = scratch;
    this.fineTunedRun = PreparedRun.continuing(fineTuned.network(), data, config);
    this.scratchRun = PreparedRun.continuing(scratch.network(), data, config);
  }

  /**
   * Builds both networks for {@code data}'s classes (the new output layer and re-initialized
   * groups drawn with the configuration's seed).
   */
  public static FineTuneExperiment prepare(PretrainedModel pretrained, Map<String, GroupSetting> settings, Dataset data,
      TrainingConfig config) {
    int classes = data.classCount();
    return new FineTuneExperiment(FineTunedNetwork.fineTune(pretrained, settings, classes, config.seed()),
        FineTunedNetwork.fromScratch(pretrained, classes, config.seed()), data, config);
  }

  /** The run of one side: network, data, configuration; saves like any other run. */
  public PreparedRun run(Side side) {
    return side == Side.FINE_TUNED ? fineTunedRun : scratchRun;
  }

  /** The network of one side with its step factors. */
  public FineTunedNetwork network(Side side) {
    return side == Side.FINE_TUNED ? fineTuned : scratch;
  }

  /** A session training one side, its step factors set (frozen groups, learning-rate factors). */
  public TrainingSession newSession(Side side, SessionOptions options, Consumer<TrainingEvent> sink) {
    TrainingSession session = run(side).newSession(options, sink);
    session.setStepFactors(network(side).stepFactors());
    return session;
  }
}
