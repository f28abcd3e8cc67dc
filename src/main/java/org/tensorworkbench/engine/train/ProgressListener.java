package org.tensorworkbench.engine.train;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.ListenerVariables;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.inspect.TensorSnapshot;

/**
 * The session's SameDiff listener, running on the training thread inside {@code fit}: sets the
 * scheduled learning rate before each minibatch, computes the minibatch's loss and accuracy
 * from the logits (fit's own loss is always 0 in M2.1), stops the run on a NaN or infinite loss,
 * and copies weights and probe activations when a snapshot is due.
 */
final class ProgressListener extends BaseListener {
  private final CompiledNetwork network;
  private final TrainingConfig config;
  private final BatchGate gate;
  private final Consumer<TrainingEvent> sink;
  private final long snapshotIntervalNanos;
  private final List<String> probeOutputs;
  private final EvaluationAccumulator epochStats;
  private final long totalIterations;
  private final LayerDiagnostics diagnostics;
  private final TrainingHealth.DivergenceWatch divergence;
  private volatile double baseLearningRate;
  private INDArray probe;
  private BiFunction<INDArray, Collection<String>, Map<String, INDArray>> activations;
  private int epoch;
  private long iteration;
  private double learningRate;
  private double batchLoss;
  private long lastSnapshotNanos;
  private long snapshotsTakenAt = -1;
  /** When the previous minibatch of this epoch ended (0: none yet), and the gate's paused total then. */
  private long lastEndNanos;
  private long pausedAtLastEnd;
  private TrainingException failure;

  ProgressListener(CompiledNetwork network, TrainingConfig config, BatchGate gate,
      long totalIterations, SessionOptions options, Consumer<TrainingEvent> sink) {
    this.network = network;
    this.config = config;
    this.gate = gate;
    this.sink = sink;
    this.totalIterations = totalIterations;
    this.snapshotIntervalNanos = options.snapshotInterval().toNanos();
    this.probeOutputs = options.probeOutputs();
    this.epochStats = new EvaluationAccumulator(network.loss());
    this.baseLearningRate = config.learningRate();
    this.diagnostics = new LayerDiagnostics(network);
    this.activations = network::activations;
    this.divergence = new TrainingHealth.DivergenceWatch(classes(network));
  }

  /** The input whose activations snapshots capture, {@code [1, ...]}, or null for none. */
  void setProbe(INDArray probeInput) {
    this.probe = probeInput;
  }

  /** Changes η₀ from the next minibatch on; the schedule still applies. Any thread. */
  void setBaseLearningRate(double lr) {
    baseLearningRate = lr;
  }

  void startEpoch(int newEpoch) {
    epoch = newEpoch;
    epochStats.reset();
    lastEndNanos = 0;
  }

  /** Minibatches trained so far in the whole run. */
  long iterations() {
    return iteration;
  }

  EvaluationAccumulator epochStats() {
    return epochStats;
  }

  /**
   * The probe's layer outputs, for snapshots and the diagnostics' activation spreads, from
   * {@code activations} instead of the network's SameDiff inference (see {@link LayerDiagnostics#measure}).
   */
  void computeActivationsWith(BiFunction<INDArray, Collection<String>, Map<String, INDArray>> activations) {
    this.activations = activations;
  }

  /** Frees what the diagnostics still hold; at the end of the run. */
  void release() {
    diagnostics.release();
  }

  // the number of logits of a classifier, 0 for a regression
  private static int classes(CompiledNetwork network) {
    if (network.loss() != OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY) {
      return 0;
    }
    long[] shape = network.sameDiff().getVariable(network.labelsName()).getShape();
    return shape != null && shape.length > 1 ? (int) shape[1] : 0;
  }

  /** Why the run must end (NaN loss, or a loss that grew a thousandfold), or null. */
  TrainingException failure() {
    return failure;
  }

  @Override
  public boolean isActive(Operation operation) {
    return operation == Operation.TRAINING;
  }

  @Override
  public ListenerVariables requiredVariables(SameDiff sd) {
    return ListenerVariables.builder().trainingVariables(network.logitsName()).build();
  }

  @Override
  public void iterationStart(SameDiff sd, At at, MultiDataSet data, long etlMs) {
    beforeMinibatch(sd);
  }

  @Override
  public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, String varName,
      INDArray activation) {
    // read here: M2.1 may reuse the array for another op once the forward pass moves on
    if (varName.equals(network.logitsName())) {
      logitsAvailable(activation, batch.getLabels(0));
    }
  }

  @Override
  public void iterationDone(SameDiff sd, At at, MultiDataSet data, Loss loss) {
    afterMinibatch(sd, data.getFeatures(0).size(0));
  }

  /** Before a minibatch (either training path): writes the scheduled learning rate into the updater. */
  void beforeMinibatch(SameDiff sd) {
    learningRate = config.schedule().learningRate(baseLearningRate, iteration, totalIterations, epoch);
    OptimizerMapping.setLearningRate(sd.getTrainingConfig(), learningRate);
  }

  /** The minibatch's raw outputs [n, K] (logits or predictions) and its labels: its loss and accuracy. */
  void logitsAvailable(INDArray logits, INDArray labels) {
    batchLoss = epochStats.add(logits, labels);
  }

  /** After a minibatch of {@code examples}: its event, and the diagnostics and snapshot when due. */
  void afterMinibatch(SameDiff sd, long examples) {
    long now = System.nanoTime();
    // from the end of the previous minibatch, so SameDiff's work between two minibatches counts too;
    // pauses do not (the first minibatch of an epoch: from its release, after the test evaluation)
    long paused = gate.pausedNanos();
    long from = lastEndNanos == 0 ? gate.batchStartNanos() : lastEndNanos + (paused - pausedAtLastEnd);
    double seconds = (now - from) / 1e9;
    lastEndNanos = now;
    pausedAtLastEnd = paused;
    if (!Double.isFinite(batchLoss)) {
      failure = nonFiniteLoss();
      gate.abort();
      return;
    }
    if (divergence.diverged(batchLoss)) {
      failure = new TrainingException("train.error.lossExploded", batchLoss, iteration,
          TrainingHealth.DivergenceWatch.DIVERGED_FACTOR, learningRate, learningRate / 10);
      gate.abort();
      return;
    }
    sink.accept(new TrainingEvent.Iteration(epoch, iteration, batchLoss, learningRate, examples / seconds));
    if (diagnostics.armed()) {
      sink.accept(diagnostics.measure(sd, epoch, iteration, probe, activations));
    }
    boolean due = snapshotIntervalNanos > 0 && now - lastSnapshotNanos >= snapshotIntervalNanos;
    if (due || gate.isPaused()) {
      sink.accept(snapshot(sd, iteration));
      diagnostics.arm(sd);
      lastSnapshotNanos = System.nanoTime();
      snapshotsTakenAt = iteration + 1;
    }
    iteration++;
  }

  /**
   * Before the first minibatch, when snapshots are on: the network as it starts (labelled with
   * iteration −1), so the views show it at once and the first minibatches do not pay for the
   * first inference and copies (for the MLP about 60 ms, a twentieth of its first epoch).
   */
  void startSnapshot(SameDiff sd) {
    if (snapshotIntervalNanos > 0) {
      sink.accept(snapshot(sd, iteration - 1));
      diagnostics.arm(sd);
      lastSnapshotNanos = System.nanoTime();
      snapshotsTakenAt = iteration;
    }
  }

  /**
   * At the end of an epoch that trained: a snapshot of the weights it ended with (when snapshots are
   * on), unless its last minibatch just took one, so a view always shows where an epoch arrived
   * however fast its minibatches were.
   */
  void endEpoch(SameDiff sd) {
    if (snapshotIntervalNanos > 0 && iteration > 0 && snapshotsTakenAt != iteration) {
      sink.accept(snapshot(sd, iteration - 1));
      lastSnapshotNanos = System.nanoTime();
      snapshotsTakenAt = iteration;
    }
  }

  private TrainingException nonFiniteLoss() {
    String value = Double.isNaN(batchLoss) ? "NaN" : "∞";
    if (learningRate > 1e-3) {
      return new TrainingException("train.error.lossDiverged", value, iteration, learningRate, learningRate / 10);
    }
    return new TrainingException("train.error.lossNotFinite", value, iteration);
  }

  // labelled with the index of the minibatch it follows
  private TrainingEvent.Snapshot snapshot(SameDiff sd, long afterIteration) {
    List<TensorSnapshot> weights = new ArrayList<>();
    for (SDVariable v : sd.variables()) {
      if (v.getVariableType() == VariableType.VARIABLE) {
        weights.add(TensorSnapshot.of(v.name(), v.getArr()));
      }
    }
    List<TensorSnapshot> outputs = new ArrayList<>();
    if (probe != null && !probeOutputs.isEmpty()) {
      Map<String, INDArray> out = activations.apply(probe, probeOutputs);
      for (String id : probeOutputs) {
        outputs.add(TensorSnapshot.of(id, out.get(id)));
      }
    }
    return new TrainingEvent.Snapshot(epoch, afterIteration, weights, outputs);
  }
}
