package org.tensorworkbench.engine.graph;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Updates the running statistics of every BatchNorm layer during training, as PyTorch does:
 * r_mean ← (1 − m)·r_mean + m·μ_B and r_var ← (1 − m)·r_var + m·σ²_B·n/(n − 1) (unbiased),
 * with n the number of values per feature or channel in the batch (N, or N·H·W for images).
 *
 * <p>SameDiff's own batchNorm has neither a gradient nor a train/inference mode in M2.1, so the
 * compiler keeps the running statistics as constants and this listener changes them in place
 * right after the batch moments are computed. It is active only in {@link Operation#TRAINING}:
 * validation and inference leave the statistics alone. The trainer must add it to the
 * SameDiff's listeners (see {@link CompiledNetwork#trainingListeners()}).
 */
public final class BatchNormStatistics extends BaseListener {
  private final Map<String, Layer> byBatchMean;

  /** The running-statistics state of one BatchNorm layer. */
  record Layer(String nodeId, double momentum) {}

  BatchNormStatistics(List<Layer> layers) {
    this.byBatchMean = layers.stream()
        .collect(Collectors.toUnmodifiableMap(l -> GraphNames.batchMean(l.nodeId()), Function.identity()));
  }

  @Override
  public boolean isActive(Operation operation) {
    return operation == Operation.TRAINING;
  }

  @Override
  public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext context, INDArray[] outputs) {
    List<String> produced = op.getOutputsOfOp();
    if (produced == null || produced.isEmpty()) {
      return;
    }
    Layer layer = byBatchMean.get(produced.get(0));
    if (layer == null) {
      return;
    }
    INDArray x = context.getInputArrays().get(0); // [N, C] or [N, C, H, W]
    INDArray batchMean = outputs[0]; // [C]
    INDArray batchVar = outputs[1]; // [C], biased
    long n = x.length() / batchMean.length();
    double unbiased = n > 1 ? (double) n / (n - 1) : 1;
    double m = layer.momentum();
    INDArray runningMean = sd.getArrForVarName(GraphNames.runningMean(layer.nodeId()));
    INDArray runningVar = sd.getArrForVarName(GraphNames.runningVar(layer.nodeId()));
    runningMean.muli(1 - m).addi(batchMean.mul(m));
    runningVar.muli(1 - m).addi(batchVar.mul(m * unbiased));
  }
}
