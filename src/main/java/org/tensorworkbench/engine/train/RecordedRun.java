package org.tensorworkbench.engine.train;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training run as read back from its {@link RunFolder}, for the run history.
 *
 * @param folder where it is kept
 * @param network the network as it was named (template, file or design name)
 * @param dataset the dataset's name
 * @param status finished, stopped or failed
 * @param created when the folder was written (ISO-8601), empty if unknown
 * @param parameters trained scalars
 * @param training the training configuration (optimizer, learningRate, batchSize, ...)
 * @param testAccuracy the final test accuracy, NaN for a regression or if none
 * @param testLoss the final test loss, NaN if none
 * @param seconds training time
 * @param epochs the per-epoch metrics
 * @param curve the thinned per-iteration loss curve
 * @param model the model file, or null if the run kept none
 */
public record RecordedRun(Path folder, String network, String dataset, String status, String created,
    long parameters, Map<String, Object> training, double testAccuracy, double testLoss, double seconds,
    List<EpochRow> epochs, List<CurvePoint> curve, Path model) {

  public RecordedRun {
    training = Collections.unmodifiableMap(new LinkedHashMap<>(training));
    epochs = List.copyOf(epochs);
    curve = List.copyOf(curve);
  }

  /** One row of {@code metrics.csv}; accuracies NaN for a regression. */
  public record EpochRow(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
      double seconds, double examplesPerSecond) {}

  /** One kept point of {@code curve.csv}. */
  public record CurvePoint(long iteration, int epoch, double loss, double learningRate) {}
}
