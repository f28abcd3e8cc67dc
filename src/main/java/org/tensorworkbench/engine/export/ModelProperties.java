package org.tensorworkbench.engine.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.tensorworkbench.engine.io.ModelMetadata;
import org.tensorworkbench.engine.io.NormalizationRecord;

/**
 * What an exported file says about its model, as text key/value pairs: ONNX metadata_props, and
 * the header of a PyTorch script. Lists and the normalization are JSON, so a program can read
 * them back ({@link OnnxImporter} does).
 */
final class ModelProperties {
  static final String NETWORK = "network";
  static final String DATASET = "dataset";
  static final String CLASS_NAMES = "class_names";
  static final String NORMALIZATION = "normalization";
  static final String INPUT = "input";
  static final String EPOCHS = "epochs_trained";
  static final String METRIC_PREFIX = "metric.";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelProperties() {}

  static Map<String, String> of(String networkName, ModelMetadata metadata, int[] exampleShape) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put(NETWORK, networkName);
    props.put(INPUT, describeInput(metadata.normalization(), exampleShape));
    if (!metadata.datasetName().isEmpty()) {
      props.put(DATASET, metadata.datasetName());
    }
    if (!metadata.classNames().isEmpty()) {
      props.put(CLASS_NAMES, json(metadata.classNames()));
    }
    if (metadata.normalization() != null) {
      props.put(NORMALIZATION, json(metadata.normalization()));
    }
    if (metadata.epochsTrained() > 0) {
      props.put(EPOCHS, Integer.toString(metadata.epochsTrained()));
    }
    metadata.metrics().forEach((name, value) -> props.put(METRIC_PREFIX + name, String.format(Locale.ROOT, "%.6g", value)));
    return props;
  }

  static NormalizationRecord normalization(String json) throws JsonProcessingException {
    return JSON.readValue(json, NormalizationRecord.class);
  }

  static java.util.List<String> classNames(String json) throws JsonProcessingException {
    return java.util.Arrays.asList(JSON.readValue(json, String[].class));
  }

  private static String describeInput(NormalizationRecord normalization, int[] exampleShape) {
    StringBuilder shape = new StringBuilder("float32 [N");
    for (int d : exampleShape) {
      shape.append(", ").append(d);
    }
    shape.append(']');
    if (normalization != null && normalization.divisor() != 1f) {
      shape.append(String.format(Locale.ROOT, ": the stored values divided by %s (pixels in [0, 1]); "
          + "the graph normalizes them itself", trim(normalization.divisor())));
    } else if (normalization != null) {
      shape.append(": the dataset's values as stored; the graph normalizes them itself");
    }
    return shape.toString();
  }

  private static String trim(float value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Float.toString(value);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
