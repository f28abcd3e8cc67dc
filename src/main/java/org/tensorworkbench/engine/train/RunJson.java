package org.tensorworkbench.engine.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON codec of what a training run records: its {@link TrainingConfig} (inside model
 * files and {@code summary.json}) and the {@link Summary} of {@code summary.json}. Both carry a
 * {@code formatVersion}; files written before it existed have none and read as version 1, and
 * settings they lack (e.g. {@code epsilon}, {@code rmsDecay}, {@code limit}) take the defaults of
 * {@link TrainingConfig#defaults()}.
 */
public final class RunJson {
  /** The version written into configurations and summaries. */
  public static final int FORMAT_VERSION = 1;
  static final String VERSION_FIELD = "formatVersion";

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .build();

  private RunJson() {}

  /**
   * The summary of one run, as {@code summary.json} holds it (snake_case names, as before).
   * Metrics are null when there are none (no finished epoch, or NaN).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Summary(
      @JsonProperty(VERSION_FIELD) Integer formatVersion,
      String network,
      String dataset,
      Long parameters,
      Map<String, Object> training,
      String status,
      String created,
      Integer epochs,
      Integer iterations,
      Double seconds,
      @JsonProperty("images_per_second") Double imagesPerSecond,
      @JsonProperty("train_loss") Double trainLoss,
      @JsonProperty("train_accuracy") Double trainAccuracy,
      @JsonProperty("test_loss") Double testLoss,
      @JsonProperty("test_accuracy") Double testAccuracy,
      @JsonProperty("test_per_class_accuracy") double[] testPerClassAccuracy,
      @JsonProperty("test_confusion") long[][] testConfusion,
      @JsonProperty("test_rmse") Double testRmse,
      @JsonProperty("class_names") List<String> classNames,
      String failure) {

    /** The configuration the run was trained with (defaults for what an old file lacks). */
    public TrainingConfig config() {
      return configFrom(training == null ? Map.of() : training);
    }
  }

  /** {@code config} as plain JSON values, with its format version: for model files and summaries. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> configMap(TrainingConfig config) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(VERSION_FIELD, FORMAT_VERSION);
    map.putAll(JSON.convertValue(config, LinkedHashMap.class));
    return map;
  }

  /**
   * Reads a configuration written by {@link #configMap} (or by an older version, without some
   * settings); throws {@link TrainingException} when a value is invalid or of the wrong kind.
   */
  @SuppressWarnings("unchecked")
  public static TrainingConfig configFrom(Map<String, Object> map) {
    Map<String, Object> merged = JSON.convertValue(TrainingConfig.defaults(), LinkedHashMap.class);
    Object version = map.get(VERSION_FIELD);
    if (version instanceof Number v && v.intValue() > FORMAT_VERSION) {
      throw new TrainingException("train.error.configVersion", v.intValue(), FORMAT_VERSION);
    }
    map.forEach((key, value) -> {
      if (merged.containsKey(key) && value != null) {
        merged.put(key, value);
      }
    });
    Object schedule = merged.remove("schedule");
    try {
      TrainingConfig config = JSON.convertValue(merged, TrainingConfig.class);
      return schedule instanceof String text ? config.withSchedule(LearningRateSchedule.parse(text)) : config;
    } catch (IllegalArgumentException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof TrainingException t) {
          throw t; // the record's own check names the setting
        }
      }
      throw new TrainingException("train.error.badConfig", String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
  }

  /** The text of {@code summary.json}. */
  public static String write(Summary summary) throws IOException {
    return JSON.writeValueAsString(summary);
  }

  /** Reads {@code summary.json} (with or without a format version). */
  public static Summary readSummary(Path file) throws IOException {
    Summary s = JSON.readValue(file.toFile(), Summary.class);
    if (s.formatVersion() != null && s.formatVersion() > FORMAT_VERSION) {
      throw new IOException(file + ": summary format " + s.formatVersion() + " is newer than " + FORMAT_VERSION);
    }
    return s;
  }
}
