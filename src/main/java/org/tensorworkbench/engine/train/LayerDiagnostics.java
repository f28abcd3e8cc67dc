package org.tensorworkbench.engine.train;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tensorworkbench.engine.graph.CompiledNetwork;

/**
 * Measures {@link TrainingEvent.Diagnostics} on the training thread: {@link #arm} copies every
 * trainable variable after an iteration, {@link #measure} compares them with the values after
 * the next one, giving each variable's update/parameter ratio ‖ΔW‖₂ / ‖W‖₂, and runs the probe
 * example through the network for each layer's activation standard deviation. Copies are made
 * only when a snapshot is taken (every few seconds), so the cost is one copy of the weights and
 * one forward pass of one example per snapshot.
 */
final class LayerDiagnostics {
  private final CompiledNetwork network;
  private final Map<String, INDArray> before = new LinkedHashMap<>();

  LayerDiagnostics(CompiledNetwork network) {
    this.network = network;
  }

  boolean armed() {
    return !before.isEmpty();
  }

  /** Copies the current parameters; the next {@link #measure} compares against them. */
  void arm(SameDiff sd) {
    release();
    for (String name : network.trainableNames()) {
      before.put(name, sd.getArrForVarName(name).dup());
    }
  }

  /**
   * The ratios since {@link #arm}, and the activation spread for {@code probe} [1, ...] (may be
   * null) from {@code activations}: the network's SameDiff inference, or the same values by the
   * path that trains ({@link org.tensorworkbench.engine.direct.DirectTrainer#activations}).
   */
  TrainingEvent.Diagnostics measure(SameDiff sd, int epoch, long iteration, INDArray probe,
      BiFunction<INDArray, Collection<String>, Map<String, INDArray>> activations) {
    List<TrainingEvent.Diagnostics.UpdateRatio> updates = new ArrayList<>();
    for (Map.Entry<String, INDArray> e : before.entrySet()) {
      INDArray now = sd.getArrForVarName(e.getKey());
      updates.add(new TrainingEvent.Diagnostics.UpdateRatio(e.getKey(), now.rank() >= 2,
          updateRatio(e.getValue(), now)));
    }
    release();
    List<TrainingEvent.Diagnostics.ActivationSpread> spreads = new ArrayList<>();
    if (probe != null) {
      List<String> layers = network.activationNames().entrySet().stream()
          .filter(e -> !e.getValue().equals(network.inputName())).map(Map.Entry::getKey).toList();
      Map<String, INDArray> out = activations.apply(probe, layers);
      for (String id : layers) {
        INDArray a = out.get(id);
        spreads.add(new TrainingEvent.Diagnostics.ActivationSpread(id, standardDeviation(a)));
        a.close();
      }
    }
    return new TrainingEvent.Diagnostics(epoch, iteration, updates, spreads);
  }

  /** ‖after − before‖₂ / ‖before‖₂; NaN when ‖before‖₂ is 0 (e.g. biases initialised to zero). */
  static double updateRatio(INDArray before, INDArray after) {
    double norm = before.norm2Number().doubleValue();
    if (norm == 0) {
      return Double.NaN;
    }
    try (INDArray delta = after.sub(before)) {
      return delta.norm2Number().doubleValue() / norm;
    }
  }

  /** The population standard deviation √(mean((x − x̄)²)) over all elements. */
  static double standardDeviation(INDArray values) {
    if (values.length() < 2) {
      return 0;
    }
    try (INDArray std = values.std(false)) {
      return std.getDouble(0);
    }
  }

  /** Frees the copies (their native memory would otherwise wait for the garbage collector). */
  void release() {
    before.values().forEach(INDArray::close);
    before.clear();
  }
}
