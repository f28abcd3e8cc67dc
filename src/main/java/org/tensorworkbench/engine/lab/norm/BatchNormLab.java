package org.tensorworkbench.engine.lab.norm;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.tensorworkbench.engine.lab.tensor.CodeLines;
import org.tensorworkbench.engine.lab.tensor.LabInputException;
import org.tensorworkbench.engine.lab.tensor.Nd4jTensors;
import org.tensorworkbench.engine.lab.tensor.TensorValues;

/**
 * Batch normalization step by step with ND4J (training mode, d2l 8.5.3):
 * {@code y = gamma * (x - mean) / sqrt(var + eps) + beta}, where mean and var are taken per
 * channel over the batch and, for images, over every position: over N, H and W.
 *
 * <p>Convention (PyTorch's): the batch is normalized with the biased variance (divided by the
 * number of values m); the running variance is updated with the unbiased one (divided by m − 1),
 * see {@link RunningStatsLab}.
 */
public final class BatchNormLab {
  /** PyTorch's default epsilon. */
  public static final double DEFAULT_EPS = 1e-5;

  private BatchNormLab() {}

  public static BatchNormSteps forward(TensorValues input, double[] gamma, double[] beta, double eps) {
    int[] shape = input.shape();
    if (shape.length != 2 && shape.length != 4) {
      throw new LabInputException("norm.error.shapeRank", java.util.Arrays.toString(shape));
    }
    int channels = shape[1];
    if (gamma.length != channels || beta.length != channels) {
      throw new LabInputException("norm.error.perChannelCount", channels, gamma.length, beta.length);
    }
    INDArray x = Nd4jTensors.toNd4j(input);
    // [N, C, H, W] -> [N, H, W, C] -> [N·H·W, C]; a dense batch [N, D] already is [rows, C]
    INDArray rows = shape.length == 4
        ? x.permute(0, 2, 3, 1).dup('c').reshape('c', (long) shape[0] * shape[2] * shape[3], channels)
        : x;
    INDArray mean = rows.mean(0); // [C]
    INDArray variance = rows.var(false, 0); // [C], biased
    INDArray unbiased = rows.rows() > 1 ? rows.var(true, 0) : Nd4j.zeros(rows.dataType(), channels); // [C]
    INDArray std = Transforms.sqrt(variance.add(eps), true); // [C]
    INDArray normalized = rows.subRowVector(mean).divRowVector(std); // [rows, C]
    INDArray g = Nd4j.createFromArray(gamma);
    INDArray b = Nd4j.createFromArray(beta);
    INDArray outRows = normalized.mulRowVector(g).addRowVector(b); // [rows, C]
    INDArray out = shape.length == 4
        ? outRows.reshape('c', shape[0], shape[2], shape[3], channels).permute(0, 3, 1, 2).dup('c') // [N, C, H, W]
        : outRows;
    return new BatchNormSteps(input, Nd4jTensors.toValues(rows), mean.toDoubleVector(), variance.toDoubleVector(),
        unbiased.toDoubleVector(), Nd4jTensors.toValues(normalized), Nd4jTensors.toValues(outRows),
        outRows.mean(0).toDoubleVector(), outRows.var(false, 0).toDoubleVector(), Nd4jTensors.toValues(out), gamma.clone(), beta.clone(), eps, code(shape.length == 4));
  }

  private static List<CodeLines> code(boolean images) {
    return List.of(
        images
            ? new CodeLines("R = X.permute(0, 2, 3, 1).reshape(-1, C)",
                "INDArray r = x.permute(0, 2, 3, 1).dup('c').reshape(n * h * w, c);")
            : new CodeLines("R = X", "INDArray r = x;"),
        new CodeLines("mean = R.mean(dim=0); var = R.var(dim=0, unbiased=False)",
            "INDArray mean = r.mean(0); INDArray var = r.var(false, 0);"),
        new CodeLines("R_hat = (R - mean) / torch.sqrt(var + eps)",
            "INDArray rHat = r.subRowVector(mean).divRowVector(Transforms.sqrt(var.add(eps)));"),
        new CodeLines("Y_rows = gamma * R_hat + beta",
            "INDArray yRows = rHat.mulRowVector(gamma).addRowVector(beta);"),
        images
            ? new CodeLines("Y = Y_rows.reshape(N, H, W, C).permute(0, 3, 1, 2)",
                "INDArray y = yRows.reshape(n, h, w, c).permute(0, 3, 1, 2);")
            : new CodeLines("Y = Y_rows", "INDArray y = yRows;"));
  }
}
