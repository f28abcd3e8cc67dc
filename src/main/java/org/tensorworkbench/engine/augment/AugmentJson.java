package org.tensorworkbench.engine.augment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one codec of augmentation pipeline files, format {@value #FORMAT}:
 * <pre>{@code
 * {"format": 1,
 *  "steps": [{"operation": "flipHorizontal", "p": 0.5, "enabled": true, "parameters": {}},
 *            {"operation": "rotation", "p": 1, "enabled": true,
 *             "parameters": {"minDegrees": -15, "maxDegrees": 15, "fill": 0}}]}
 * }</pre>
 * Operation ids are those of {@link AugmentKind}; missing parameters take their defaults,
 * {@code p} defaults to 1 and {@code enabled} to true. Unknown keys and operations, and values
 * out of range, are refused with a message naming them.
 */
public final class AugmentJson {
  public static final int FORMAT = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AugmentJson() {}

  public static String write(AugmentPipeline pipeline) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("format", FORMAT);
    ArrayNode steps = o.putArray("steps");
    for (AugmentStep step : pipeline.steps()) {
      ObjectNode s = steps.addObject();
      s.put("operation", step.kind().id());
      s.put("p", step.probability());
      s.put("enabled", step.enabled());
      ObjectNode parameters = s.putObject("parameters");
      step.parameters().forEach((name, value) -> {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
          parameters.put(name, value.longValue());
        } else {
          parameters.put(name, value);
        }
      });
    }
    try {
      return MAPPER.writeValueAsString(o) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static AugmentPipeline read(String json) {
    JsonNode o;
    try {
      o = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AugmentException("transfer.augment.error.json", e.getOriginalMessage());
    }
    if (o == null || !o.isObject()) {
      throw new AugmentException("transfer.augment.error.notPipeline");
    }
    int format = o.path("format").asInt(-1);
    if (format != FORMAT) {
      throw new AugmentException("transfer.augment.error.format", o.path("format").asText("?"), FORMAT);
    }
    checkKeys(o, Set.of("format", "steps"));
    JsonNode steps = o.path("steps");
    if (!steps.isArray()) {
      throw new AugmentException("transfer.augment.error.notPipeline");
    }
    List<AugmentStep> list = new ArrayList<>();
    for (JsonNode s : steps) {
      checkKeys(s, Set.of("operation", "p", "enabled", "parameters"));
      AugmentKind kind = AugmentKind.fromId(s.path("operation").asText(""));
      Map<String, Double> parameters = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = s.path("parameters").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNumber()) {
          throw new AugmentException("transfer.augment.error.notNumber", kind.id(), e.getKey(), e.getValue().toString());
        }
        parameters.put(e.getKey(), e.getValue().asDouble());
      }
      JsonNode p = s.path("p");
      if (!p.isMissingNode() && !p.isNumber()) {
        throw new AugmentException("transfer.augment.error.notNumber", kind.id(), "p", p.toString());
      }
      list.add(new AugmentStep(kind, parameters, p.isMissingNode() ? 1 : p.asDouble(), s.path("enabled").asBoolean(true)));
    }
    return new AugmentPipeline(list);
  }

  /** Reads a pipeline file; an unreadable one is refused with its name. */
  public static AugmentPipeline read(Path file) {
    try {
      return read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AugmentException("transfer.augment.error.read", file.toString(), String.valueOf(e.getMessage()));
    }
  }

  private static void checkKeys(JsonNode o, Set<String> known) {
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw new AugmentException("transfer.augment.error.unknownKey", key, String.join(", ", new TreeSet<>(known)));
      }
    }
  }
}
