package org.tensorworkbench.engine.lab.norm;

import org.tensorworkbench.engine.lab.tensor.CodeLines;
import org.tensorworkbench.engine.lab.tensor.TensorValues;

/**
 * Batch normalization in training mode, one record per step (d2l 8.5, Ioffe and Szegedy 2015):
 * <ol>
 *   <li>{@code rows}: the input reshaped to {@code (N·H·W, C)}, one column per channel;</li>
 *   <li>{@code mean}, {@code variance}: per channel, over the rows (the biased variance, divided
 *       by the number of rows, as PyTorch normalizes in training);</li>
 *   <li>{@code normalizedRows}: {@code (x - mean) / sqrt(variance + eps)};</li>
 *   <li>{@code outputRows}: {@code gamma * normalized + beta};</li>
 *   <li>{@code output}: reshaped back to the input's shape.</li>
 * </ol>
 *
 * @param input the activations, {@code (N, C, H, W)} or {@code (N, D)}
 * @param rows step 1, {@code (N·H·W, C)}
 * @param mean step 2, per channel
 * @param variance step 2, biased, per channel
 * @param unbiasedVariance per channel, divided by {@code rows - 1}: what the running variance uses
 * @param normalizedRows step 3
 * @param outputRows step 4
 * @param outputMean the mean per channel after step 4 (β, up to rounding)
 * @param outputVariance the biased variance per channel after step 4 (γ² · var / (var + eps))
 * @param output step 5, the shape of the input
 * @param gamma the scale per channel
 * @param beta the shift per channel
 * @param eps added to the variance to avoid dividing by zero
 * @param code each step in PyTorch and ND4J, in the order above
 */
public record BatchNormSteps(TensorValues input, TensorValues rows, double[] mean, double[] variance,
    double[] unbiasedVariance, TensorValues normalizedRows, TensorValues outputRows, double[] outputMean, double[] outputVariance,
    TensorValues output,
    double[] gamma, double[] beta, double eps, java.util.List<CodeLines> code) {

  public int channels() {
    return rows.shape()[1];
  }

  /** Column {@code channel} of a {@code (rows, C)} tensor: one channel's values, for a histogram. */
  public static double[] column(TensorValues rows, int channel) {
    int[] shape = rows.shape();
    double[] out = new double[shape[0]];
    for (int r = 0; r < shape[0]; r++) {
      out[r] = rows.at(r * shape[1] + channel);
    }
    return out;
  }
}
