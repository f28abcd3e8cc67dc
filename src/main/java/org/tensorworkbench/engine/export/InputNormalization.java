package org.tensorworkbench.engine.export;

import java.util.Arrays;
import java.util.Optional;
import org.tensorworkbench.engine.io.NormalizationRecord;

/**
 * The normalization an exported network applies to its input itself, so the file takes what the
 * dataset yields, stored values divided by the record's divisor (pixels in [0, 1], as d2l's
 * {@code ToTensor} gives them; table columns as they are): x = (u − mean[g]) / std[g], with one
 * mean and deviation per group g (a colour channel, or a column). A zero deviation counts as 1,
 * as in the workbench.
 *
 * @param shape the broadcast shape of {@code mean} and {@code std} against one example: [C, 1, 1]
 *     for images, [D] for tables, [] for one group, else the example's own shape
 */
record InputNormalization(long[] shape, float[] mean, float[] std) {

  /** Empty when the record changes nothing after the division (none, or divide only). */
  static Optional<InputNormalization> of(NormalizationRecord record, int[] exampleShape) {
    if (record == null) {
      return Optional.empty();
    }
    float[] mean = record.mean();
    float[] std = record.std().clone();
    for (int g = 0; g < std.length; g++) {
      std[g] = std[g] == 0f ? 1f : std[g];
    }
    boolean identity = true;
    for (int g = 0; g < mean.length; g++) {
      identity &= mean[g] == 0f && std[g] == 1f;
    }
    if (identity) {
      return Optional.empty();
    }
    long features = Arrays.stream(exampleShape).asLongStream().reduce(1, (a, b) -> a * b);
    if ((long) mean.length * record.groupSize() != features) {
      throw new ExportException("export.error.normalizationShape", mean.length * record.groupSize(), Arrays.toString(exampleShape));
    }
    if (mean.length == 1) {
      return Optional.of(new InputNormalization(new long[0], mean, std));
    }
    if (exampleShape.length == 3 && mean.length == exampleShape[0]) {
      return Optional.of(new InputNormalization(new long[] {mean.length, 1, 1}, mean, std));
    }
    if (exampleShape.length == 1) {
      return Optional.of(new InputNormalization(new long[] {mean.length}, mean, std));
    }
    float[] fullMean = new float[(int) features];
    float[] fullStd = new float[(int) features];
    for (int j = 0; j < features; j++) {
      fullMean[j] = mean[j / record.groupSize()];
      fullStd[j] = std[j / record.groupSize()];
    }
    return Optional.of(new InputNormalization(Arrays.stream(exampleShape).asLongStream().toArray(), fullMean, fullStd));
  }
}
