package org.tensorworkbench.engine.spec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tensorworkbench.i18n.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorworkbench.engine.io.AtomicFiles;
import java.util.stream.Collectors;

/**
 * Reads and writes {@link NetworkSpec} as JSON. The format is versioned by the top-level field
 * {@code formatVersion}; files from a newer build are refused rather than half-read. Every
 * problem becomes a {@link SpecException} naming where in the file it is.
 */
public final class NetworkSpecJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

  private NetworkSpecJson() {}

  public static String write(NetworkSpec spec) {
    try {
      return MAPPER.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a NetworkSpec always serializes", e);
    }
  }

  /**
   * Parses a network and checks its graph with {@link SpecValidator}; throws {@link
   * SpecException} with a readable reason for a malformed file or a graph with errors.
   */
  public static NetworkSpec read(String json) {
    return SpecValidator.requireValid(readDraft(json));
  }

  public static NetworkSpec read(Path file) throws IOException {
    return read(Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Parses a network without checking its graph, for reopening a design that was saved while it
   * was still being wired (the builder then shows its problems); the file format is still
   * checked.
   */
  public static NetworkSpec readDraft(String json) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new SpecException("spec.error.notJson", e.getOriginalMessage());
    }
    if (tree == null || !tree.isObject()) {
      throw new SpecException("spec.error.notANetwork");
    }
    JsonNode version = tree.get("formatVersion");
    if (version == null || !version.isInt()) {
      throw new SpecException("spec.error.noVersion");
    }
    if (version.intValue() > NetworkSpec.FORMAT_VERSION || version.intValue() < 1) {
      throw new SpecException("spec.error.unknownVersion", version.intValue(), NetworkSpec.FORMAT_VERSION);
    }
    withDefaults(tree);
    try {
      return MAPPER.treeToValue(tree, NetworkSpec.class);
    } catch (JsonMappingException e) {
      throw translate(e, tree);
    } catch (InputCoercionException e) {
      throw new SpecException("spec.error.notAnInt", String.valueOf(e.getProcessor() == null ? "" : text(e)),
          Integer.MAX_VALUE);
    } catch (JsonProcessingException e) {
      throw new SpecException("spec.error.notJson", e.getOriginalMessage());
    }
  }

  private static String text(InputCoercionException e) {
    try {
      return e.getProcessor().getText();
    } catch (IOException io) {
      return "";
    }
  }

  /**
   * Fills optional fields that older files lack with the value that means "as before": a
   * convolution without {@code dilation} (files written before dilation existed) is undilated,
   * an initializer without {@code gain} has gain 1.
   */
  private static void withDefaults(JsonNode tree) {
    JsonNode nodes = tree.get("nodes");
    if (nodes == null || !nodes.isArray()) {
      return;
    }
    for (JsonNode node : nodes) {
      JsonNode layer = node.get("layer");
      if (layer instanceof ObjectNode o && "conv2d".equals(o.path("type").asText()) && !o.has("dilation")) {
        o.put("dilation", 1);
      }
      if (layer != null && layer.get("init") instanceof ObjectNode init && !init.has("gain")) {
        init.put("gain", 1.0);
      }
    }
  }

  public static NetworkSpec readDraft(Path file) throws IOException {
    return readDraft(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Writes atomically: a temp file beside the target, then a rename. */
  public static void write(NetworkSpec spec, Path file) throws IOException {
    AtomicFiles.writeString(file, write(spec));
  }

  /**
   * Says what is wrong in the file's own terms (the JSON path, the JSON types), never in Java's:
   * a field that is missing, or a value of the wrong kind ("nodes must be a list").
   */
  private static SpecException translate(JsonMappingException e, JsonNode tree) {
    if (e.getCause() instanceof SpecException spec) {
      return spec;
    }
    String where = e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
    if (e instanceof UnrecognizedPropertyException u) {
      return new SpecException("spec.error.unknownField", u.getPropertyName(), where);
    }
    if (e instanceof InvalidTypeIdException t) {
      return new SpecException("spec.error.unknownLayerType", String.valueOf(t.getTypeId()), where);
    }
    JsonNode value = tree;
    for (JsonMappingException.Reference r : e.getPath()) {
      value = r.getFieldName() != null ? value.path(r.getFieldName()) : value.path(r.getIndex());
    }
    if (value.isMissingNode() || value.isNull()) {
      return new SpecException("spec.error.missingFieldAt", where);
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      String actual = value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
      return new SpecException("spec.error.wrongType", where, new JsonKind(kind(m.getTargetType())),
          new JsonKind(value.isIntegralNumber() ? "integer" : actual), abbreviate(value.toString()));
    }
    return new SpecException("spec.error.badValue", where, value.toString());
  }

  private static String abbreviate(String json) {
    return json.length() <= 60 ? json : json.substring(0, 57) + "...";
  }

  /** A kind of JSON value, named in the language current when the message is shown. */
  private record JsonKind(String kind) {
    @Override
    public String toString() {
      return Messages.get("spec.json." + kind);
    }
  }

  // the JSON kind a Java type is written as
  private static String kind(Class<?> type) {
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "array";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "integer";
    }
    if (type.isPrimitive() && type != boolean.class || Number.class.isAssignableFrom(type)) {
      return "number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "boolean";
    }
    if (type == String.class || type.isEnum()) {
      return "string";
    }
    return "object";
  }
}
