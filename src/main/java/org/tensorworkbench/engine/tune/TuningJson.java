package org.tensorworkbench.engine.tune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one codec of the Tuning Lab's files, format {@value #FORMAT}: a search space
 * ({@code space.json}), a study's settings ({@code study.json}) and a trial
 * ({@code trials/trial-NNNN.json}). A search space looks like
 * <pre>{@code
 * {"format": 1, "network": "mlp", "dataset": "fashion-mnist", "layer": "dense1",
 *  "trainExamples": 10000, "validationExamples": 2000,
 *  "search": {"lr": {"min": 0.001, "max": 1, "log": true},
 *             "batch": {"choices": [64, 128, 256]},
 *             "optimizer": {"choices": ["sgd", "adam"]}},
 *  "fixed": {"epochs": 9, "weightDecay": 0}}
 * }</pre>
 * Unknown keys, unknown hyperparameters and impossible ranges are refused with a message naming
 * them. Numbers are written exactly (shortest round-tripping decimal); NaN as null.
 */
public final class TuningJson {
  public static final int FORMAT = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TuningJson() {}

  // ---- search space

  public static String writeSpace(SearchSpace space) {
    return write(spaceNode(space));
  }

  public static SearchSpace readSpace(String json) {
    return space(parse(json));
  }

  /** Reads a search space, its network and dataset replaced by the given ones where not null. */
  public static SearchSpace readSpace(String json, String network, String dataset) {
    JsonNode o = parse(json);
    if (o.isObject() && network != null) {
      ((ObjectNode) o).put("network", network);
    }
    if (o.isObject() && dataset != null) {
      ((ObjectNode) o).put("dataset", dataset);
    }
    return space(o);
  }

  private static ObjectNode spaceNode(SearchSpace s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("format", FORMAT);
    o.put("network", s.network());
    o.put("dataset", s.dataset());
    o.put("layer", s.layer());
    o.put("trainExamples", s.trainExamples());
    o.put("validationExamples", s.validationExamples());
    ObjectNode search = o.putObject("search");
    for (ParameterRange r : s.ranges()) {
      ObjectNode range = search.putObject(r.parameter().id());
      if (r instanceof ParameterRange.Numeric n) {
        range.put("min", n.low());
        range.put("max", n.high());
        range.put("log", n.log());
      } else if (r instanceof ParameterRange.Choice c) {
        ArrayNode values = range.putArray("choices");
        c.values().forEach(v -> addValue(values, v));
      }
    }
    o.set("fixed", configNode(s.fixed()));
    return o;
  }

  private static SearchSpace space(JsonNode o) {
    checkFormat(o, "space");
    checkKeys(o, Set.of("format", "network", "dataset", "layer", "trainExamples", "validationExamples", "search", "fixed"));
    List<ParameterRange> ranges = new ArrayList<>();
    JsonNode search = o.path("search");
    for (Iterator<Map.Entry<String, JsonNode>> it = search.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Hyperparameter p = Hyperparameter.fromId(e.getKey());
      JsonNode r = e.getValue();
      if (r.has("choices")) {
        checkKeys(r, Set.of("choices"));
        List<Object> values = new ArrayList<>();
        r.get("choices").forEach(v -> values.add(v.isNumber() ? v.asDouble() : v.asText()));
        ranges.add(new ParameterRange.Choice(p, values));
      } else {
        checkKeys(r, Set.of("min", "max", "log"));
        if (!r.path("min").isNumber() || !r.path("max").isNumber()) {
          throw new TuningException("tuning.error.rangeNeedsMinMax", p.id());
        }
        ranges.add(new ParameterRange.Numeric(p, r.get("min").asDouble(), r.get("max").asDouble(), r.path("log").asBoolean(false)));
      }
    }
    return new SearchSpace(o.path("network").asText(""), o.path("dataset").asText(""), o.path("layer").asText(""),
        o.path("trainExamples").asInt(10_000), o.path("validationExamples").asInt(2_000), ranges,
        config(o.path("fixed")));
  }

  // ---- study settings

  public static String writeSettings(StudySettings s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("format", FORMAT);
    o.put("method", s.method().id());
    o.put("seed", s.seed());
    o.put("budget", s.budget());
    o.put("eta", s.eta());
    o.put("gridPoints", s.gridPoints());
    o.set("space", spaceNode(s.space()));
    return write(o);
  }

  public static StudySettings readSettings(String json) {
    JsonNode o = parse(json);
    checkFormat(o, "study");
    checkKeys(o, Set.of("format", "method", "seed", "budget", "eta", "gridPoints", "space"));
    return new StudySettings(space(o.path("space")), Method.fromId(o.path("method").asText("")),
        o.path("seed").asLong(1), o.path("budget").asInt(0), o.path("eta").asInt(3), o.path("gridPoints").asInt(3));
  }

  // ---- trials

  public static String writeTrial(TrialRecord t) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("format", FORMAT);
    TrialRequest r = t.request();
    o.put("index", r.index());
    o.set("config", configNode(r.config()));
    o.put("epochs", r.epochs());
    o.put("bracket", r.bracket());
    o.put("rung", r.rung());
    o.put("parent", r.parent());
    o.put("failed", t.failed());
    o.put("failure", t.failure());
    o.put("seconds", t.seconds());
    ArrayNode curve = o.putArray("curve");
    for (EpochPoint p : t.curve()) {
      ObjectNode e = curve.addObject();
      e.put("epoch", p.epoch());
      putNumber(e, "trainLoss", p.trainLoss());
      putNumber(e, "validationLoss", p.validationLoss());
      putNumber(e, "validationAccuracy", p.validationAccuracy());
      e.put("seconds", p.seconds());
    }
    return write(o);
  }

  public static TrialRecord readTrial(String json) {
    JsonNode o = parse(json);
    checkFormat(o, "trial");
    TrialRequest r = new TrialRequest(o.path("index").asInt(), config(o.path("config")), o.path("epochs").asInt(),
        o.path("bracket").asInt(), o.path("rung").asInt(), o.path("parent").asInt(-1));
    List<EpochPoint> curve = new ArrayList<>();
    for (JsonNode e : o.path("curve")) {
      curve.add(new EpochPoint(e.path("epoch").asInt(), number(e, "trainLoss"), number(e, "validationLoss"),
          number(e, "validationAccuracy"), e.path("seconds").asDouble()));
    }
    return new TrialRecord(r, o.path("failed").asBoolean(), o.path("failure").asText(""), curve, o.path("seconds").asDouble());
  }

  // ---- helpers

  private static ObjectNode configNode(Configuration c) {
    ObjectNode o = MAPPER.createObjectNode();
    c.values().forEach((p, v) -> {
      if (v instanceof Double d) {
        if (p.integer()) {
          o.put(p.id(), Math.round(d));
        } else {
          o.put(p.id(), d);
        }
      } else {
        o.put(p.id(), String.valueOf(v));
      }
    });
    return o;
  }

  private static Configuration config(JsonNode o) {
    Map<Hyperparameter, Object> values = new EnumMap<>(Hyperparameter.class);
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      values.put(Hyperparameter.fromId(e.getKey()), v.isNumber() ? (Object) v.asDouble() : v.asText());
    }
    return new Configuration(values);
  }

  private static void addValue(ArrayNode array, Object v) {
    if (v instanceof Double d) {
      if (d == Math.rint(d)) {
        array.add(Math.round(d));
      } else {
        array.add(d);
      }
    } else {
      array.add(String.valueOf(v));
    }
  }

  private static void putNumber(ObjectNode o, String key, double v) {
    if (Double.isNaN(v)) {
      o.putNull(key);
    } else {
      o.put(key, v);
    }
  }

  private static double number(JsonNode o, String key) {
    JsonNode v = o.path(key);
    return v.isNumber() ? v.asDouble() : Double.NaN;
  }

  private static void checkFormat(JsonNode o, String what) {
    if (!o.isObject()) {
      throw new TuningException("tuning.error.notJson", what);
    }
    int format = o.path("format").asInt(-1);
    if (format != FORMAT) {
      throw new TuningException("tuning.error.format", what, o.path("format").asText("?"), FORMAT);
    }
  }

  private static void checkKeys(JsonNode o, Set<String> known) {
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw new TuningException("tuning.error.unknownKey", key, String.join(", ", new java.util.TreeSet<>(known)));
      }
    }
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new TuningException("tuning.error.json", e.getOriginalMessage());
    }
  }

  private static String write(JsonNode o) {
    try {
      return MAPPER.writeValueAsString(o) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
