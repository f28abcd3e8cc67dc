package org.tensorworkbench.engine.lab.norm;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.tensorworkbench.engine.lab.tensor.CodeLines;
import org.tensorworkbench.engine.lab.tensor.LabInputException;
import org.tensorworkbench.engine.lab.tensor.Nd4jTensors;
import org.tensorworkbench.engine.lab.tensor.TensorValues;

/**
 * Layer normalization with ND4J (Ba, Kiros and Hinton 2016; d2l 8.5.3.3): each sample is
 * normalized by its own mean and variance over all its features, {@code (x - mean_n) /
 * sqrt(var_n + eps)}, so the result does not depend on the other samples of the batch or on the
 * batch size. The elementwise scale and shift are left at 1 and 0 to compare with BatchNorm's
 * statistics alone.
 */
public final class LayerNormLab {
  private LayerNormLab() {}

  public static LayerNormSteps forward(TensorValues input, double eps) {
    int[] shape = input.shape();
    if (shape.length != 2 && shape.length != 4) {
      throw new LabInputException("norm.error.shapeRank", Arrays.toString(shape));
    }
    int n = shape[0];
    INDArray x = Nd4jTensors.toNd4j(input);
    INDArray samples = x.reshape('c', n, input.size() / n); // [N, C·H·W]
    INDArray mean = samples.mean(1); // [N]
    INDArray variance = samples.var(false, 1); // [N], biased
    INDArray std = Transforms.sqrt(variance.add(eps), true); // [N]
    INDArray out = samples.subColumnVector(mean.reshape(n, 1)).divColumnVector(std.reshape(n, 1))
        .reshape('c', toLong(shape)); // input's shape
    return new LayerNormSteps(input, mean.toDoubleVector(), variance.toDoubleVector(), Nd4jTensors.toValues(out),
        new CodeLines("Y = torch.nn.functional.layer_norm(X, X.shape[1:], eps=eps)",
            "INDArray s = x.reshape(n, -1); INDArray y = s.subColumnVector(s.mean(true, 1))"
                + ".divColumnVector(Transforms.sqrt(s.var(false, 1).reshape(n, 1).add(eps))).reshape(x.shape());"));
  }

  private static long[] toLong(int[] shape) {
    return Arrays.stream(shape).asLongStream().toArray();
  }
}
