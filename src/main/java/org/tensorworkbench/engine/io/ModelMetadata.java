package org.tensorworkbench.engine.io;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model file records besides the network and its weights, so a model can be used and
 * judged later without its training session: the data it was trained on and how that data was
 * normalized (a prediction must normalize new inputs the same way), the class names, the
 * training configuration and the final metrics. Stored as JSON.
 *
 * @param datasetName the dataset's registry name, e.g. "fashion-mnist"; empty if none
 * @param normalization the map from stored to network values; null if none
 * @param classNames the class names in label order; empty for regression
 * @param training the training configuration as the trainer states it (optimizer, learning
 *     rate, batch size, epochs, seed...): JSON-friendly values only (numbers, strings, booleans,
 *     lists, maps), as {@code engine.train.RunJson} writes it
 * @param metrics the final metrics by name, e.g. "testAccuracy" → 0.91
 * @param epochsTrained the number of finished epochs
 * @param savedAt when the file was written, ISO-8601 (filled by {@link ModelFile#save})
 */
public record ModelMetadata(
    String datasetName,
    NormalizationRecord normalization,
    List<String> classNames,
    Map<String, Object> training,
    Map<String, Double> metrics,
    int epochsTrained,
    String savedAt) {

  public ModelMetadata {
    datasetName = datasetName == null ? "" : datasetName;
    classNames = classNames == null ? List.of() : List.copyOf(classNames);
    training = training == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(training));
    metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    savedAt = savedAt == null ? "" : savedAt;
  }

  /** Metadata for a model that has not been trained on a named dataset. */
  public static ModelMetadata empty() {
    return new ModelMetadata("", null, List.of(), Map.of(), Map.of(), 0, "");
  }

  public ModelMetadata withSavedAt(Instant instant) {
    return new ModelMetadata(datasetName, normalization, classNames, training, metrics, epochsTrained, instant.toString());
  }
}
