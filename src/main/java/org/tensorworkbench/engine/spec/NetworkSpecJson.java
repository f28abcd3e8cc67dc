package org.tensorworkbench.engine.spec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
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
    try {
      return MAPPER.treeToValue(tree, NetworkSpec.class);
    } catch (JsonMappingException e) {
      throw translate(e);
    } catch (JsonProcessingException e) {
      throw new SpecException("spec.error.notJson", e.getOriginalMessage());
    }
  }

  public static NetworkSpec readDraft(Path file) throws IOException {
    return readDraft(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Writes atomically: a temp file beside the target, then a rename. */
  public static void write(NetworkSpec spec, Path file) throws IOException {
    AtomicFiles.writeString(file, write(spec));
  }

  private static SpecException translate(JsonMappingException e) {
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
    return new SpecException("spec.error.badValue", where, e.getOriginalMessage());
  }
}
