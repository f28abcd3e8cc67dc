package org.tensorworkbench.engine.train;

import java.util.List;
import org.tensorworkbench.engine.inspect.TensorSnapshot;
import org.tensorworkbench.i18n.Messages;

/**
 * What a {@link TrainingSession} reports, as small immutable values. Events are produced on the
 * training thread and handed to the session's sink (usually a {@link TrainingEventQueue} that the
 * UI drains once per frame); they hold no ND4J objects.
 */
public sealed interface TrainingEvent {

  /**
   * One minibatch was trained on.
   *
   * @param epoch 0-based epoch
   * @param iteration 0-based iteration over the whole run
   * @param loss the mean loss of this minibatch, before the update
   * @param learningRate the learning rate used for this update
   * @param examplesPerSecond batch size / time since the previous minibatch ended (data, forward,
   *     backward, update and SameDiff's bookkeeping), pauses excluded
   */
  record Iteration(int epoch, long iteration, double loss, double learningRate, double examplesPerSecond)
      implements TrainingEvent {}

  /**
   * One pass over the training set ended and the test set was evaluated.
   *
   * @param epoch 0-based epoch
   * @param trainLoss the mean loss over the epoch's minibatches (measured during training, as d2l does)
   * @param trainAccuracy the share of training examples classified correctly during the epoch, NaN for regression
   * @param test the network on the test split after the epoch
   * @param seconds training time of the epoch, pauses and test evaluation excluded
   * @param examplesPerSecond training examples / {@code seconds}
   */
  record Epoch(int epoch, double trainLoss, double trainAccuracy, Evaluation test, double seconds,
      double examplesPerSecond) implements TrainingEvent {}

  /**
   * Copies of the weights and of the probe input's activations, taken between two iterations.
   *
   * @param epoch 0-based epoch
   * @param iteration the iteration just finished
   * @param weights every trainable variable
   * @param activations the requested layer outputs for the probe input
   */
  record Snapshot(int epoch, long iteration, List<TensorSnapshot> weights, List<TensorSnapshot> activations)
      implements TrainingEvent {
    public Snapshot {
      weights = List.copyOf(weights);
      activations = List.copyOf(activations);
    }
  }

  /**
   * How healthy training is, per layer, measured like the DL4J training UI does: taken with a
   * snapshot, over the one iteration that follows it.
   *
   * @param epoch 0-based epoch
   * @param iteration the iteration over which the updates were measured
   * @param updates per trainable variable, the update/parameter ratio ‖ΔW‖₂ / ‖W‖₂ of one
   *     iteration; around 1e-3 is healthy (Karpathy, CS231n "Babysitting the learning process")
   * @param activations per layer, the standard deviation of its output for the probe example;
   *     near 0 means the layer's units are dead or saturated, very large values that they explode
   */
  record Diagnostics(int epoch, long iteration, List<UpdateRatio> updates, List<ActivationSpread> activations)
      implements TrainingEvent {
    public Diagnostics {
      updates = List.copyOf(updates);
      activations = List.copyOf(activations);
    }

    /**
     * @param parameter the variable, e.g. {@code dense1_W}
     * @param weight whether it is a weight matrix or kernel (rank ≥ 2) rather than a bias or scale
     * @param ratio ‖W_after − W_before‖₂ / ‖W_before‖₂, NaN when ‖W_before‖ is 0
     */
    public record UpdateRatio(String parameter, boolean weight, double ratio) {}

    /**
     * @param node the layer's node id
     * @param std the population standard deviation of its output values
     */
    public record ActivationSpread(String node, double std) {}
  }

  /** The session entered {@code state} (running, paused...). */
  record StateChanged(SessionState state) implements TrainingEvent {}

  /**
   * All epochs are done.
   *
   * @param epochs epochs trained
   * @param seconds training time, pauses excluded
   * @param test the network on the test split at the end
   */
  record Finished(int epochs, double seconds, Evaluation test) implements TrainingEvent {}

  /**
   * Stopped on request before the last epoch ended.
   *
   * @param epoch the epoch that was running (0-based)
   * @param iterations iterations trained in the whole run
   */
  record Stopped(int epoch, long iterations) implements TrainingEvent {}

  /**
   * The run failed, e.g. the loss became NaN. The text is a key of the {@code train} area so it
   * shows in the language chosen when it is displayed.
   */
  record Failed(String messageKey, List<Object> arguments) implements TrainingEvent {
    public Failed {
      arguments = List.copyOf(arguments);
    }

    /** The explanation in the current language. */
    public String message() {
      return Messages.get(messageKey, arguments.toArray());
    }
  }
}
