package org.tensorworkbench.engine.lab.norm;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.lab.tensor.LabInputException;
import org.tensorworkbench.engine.lab.tensor.Nd4jTensors;
import org.tensorworkbench.engine.lab.tensor.TensorValues;

/**
 * Synthetic activations for the Normalization Lab: a batch shaped {@code (N, C, H, W)} (after a
 * convolution) or {@code (N, D)} (after a dense layer), each channel normal with its own mean and
 * standard deviation, so the effect of normalizing channel by channel is visible.
 */
public final class ActivationInputs {
  /** The lab shows every value, so batches stay small. */
  public static final int MAX_VALUES = 4096;

  private ActivationInputs() {}

  /**
   * Parses per-channel numbers typed as {@code 0, 5, -3} (commas or spaces). A single number is
   * repeated for every channel.
   *
   * @throws LabInputException for anything that is not a number, or a count other than 1 or {@code channels}
   */
  public static double[] parseList(String text, int channels) {
    String body = text == null ? "" : text.replaceAll("[()\\[\\]]", " ").strip();
    String[] parts = body.isEmpty() ? new String[0] : body.split("[,;\\s]+");
    double[] values = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        values[i] = Double.parseDouble(parts[i]);
      } catch (NumberFormatException e) {
        throw new LabInputException("norm.error.notANumber", parts[i]);
      }
    }
    if (values.length == 1 && channels > 1) {
      double v = values[0];
      values = new double[channels];
      java.util.Arrays.fill(values, v);
    }
    if (values.length != channels) {
      throw new LabInputException("norm.error.listCount", text == null ? "" : text.strip(), channels, values.length);
    }
    return values;
  }

  /**
   * Draws {@code x[n, c, ...] = mean[c] + std[c] * z} with z standard normal (ND4J's generator,
   * seeded).
   *
   * @param shape {@code (N, C, H, W)} or {@code (N, D)}; D counts as C channels
   * @param means one mean per channel
   * @param stds one standard deviation (at least 0) per channel
   * @throws LabInputException if the shape is not 2-D or 4-D, too large, or the per-channel
   *     lists do not have C entries
   */
  public static TensorValues normal(int[] shape, double[] means, double[] stds, long seed) {
    if (shape.length != 2 && shape.length != 4) {
      throw new LabInputException("norm.error.shapeRank", java.util.Arrays.toString(shape));
    }
    long size = 1;
    for (int s : shape) {
      if (s < 1) {
        throw new LabInputException("norm.error.sizeNotPositive", java.util.Arrays.toString(shape));
      }
      size *= s;
    }
    if (size > MAX_VALUES) {
      throw new LabInputException("norm.error.tooLarge", size, MAX_VALUES);
    }
    int channels = shape[1];
    if (means.length != channels || stds.length != channels) {
      throw new LabInputException("norm.error.perChannelCount", channels, means.length, stds.length);
    }
    for (double s : stds) {
      if (!(s >= 0)) {
        throw new LabInputException("norm.error.negativeStd", s);
      }
    }
    long[] dims = new long[shape.length];
    long[] channelView = new long[shape.length]; // [1, C] or [1, C, 1, 1]
    for (int i = 0; i < shape.length; i++) {
      dims[i] = shape[i];
      channelView[i] = i == 1 ? channels : 1;
    }
    Random rng = Nd4j.getRandomFactory().getNewRandomInstance(seed);
    INDArray z = Nd4j.randn(new int[] {(int) size}, rng).castTo(DataType.DOUBLE).reshape('c', dims);
    INDArray std = Nd4j.createFromArray(stds).reshape(channelView).broadcast(dims);
    INDArray mean = Nd4j.createFromArray(means).reshape(channelView).broadcast(dims);
    return Nd4jTensors.toValues(z.mul(std).add(mean));
  }
}
