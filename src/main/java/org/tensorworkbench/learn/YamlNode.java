package org.tensorworkbench.learn;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line it starts on, so that a lesson's problems can be reported by file
 * and line. A value is a {@code Map<String, YamlNode>} (keys in file order), a {@code
 * List<YamlNode>}, a {@code String}, a {@code Long}, a {@code Double}, a {@code Boolean} or null.
 *
 * @param value the value
 * @param line the 1-based line in the file where it starts
 */
record YamlNode(Object value, int line) {
  private static final YAMLFactory YAML = new YAMLFactory();

  /**
   * Parses {@code text}, which starts at line {@code firstLine} of {@code file}; an empty text is
   * an empty map. Duplicate keys are refused.
   */
  static YamlNode parse(String text, String file, int firstLine) {
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new YamlNode(Map.of(), firstLine);
      }
      return read(parser, file, firstLine - 1);
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
      throw new PackException(file, firstLine - 1 + line, "learn.error.yaml", oneLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new PackException(file, firstLine, "learn.error.yaml", oneLine(e.getMessage()));
    }
  }

  private static YamlNode read(JsonParser p, String file, int offset) throws IOException {
    int line = offset + p.currentTokenLocation().getLineNr();
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, YamlNode> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int keyLine = offset + p.currentTokenLocation().getLineNr();
          p.nextToken();
          YamlNode value = read(p, file, offset);
          if (value.isMap() || value.isList()) {
            value = new YamlNode(value.value(), keyLine); // a block starts on its key's line
          }
          if (map.put(key, value) != null) {
            throw new PackException(file, keyLine, "learn.error.duplicateKey", key);
          }
        }
        return new YamlNode(Collections.unmodifiableMap(map), line);
      }
      case START_ARRAY -> {
        List<YamlNode> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(p, file, offset));
        }
        return new YamlNode(Collections.unmodifiableList(list), line);
      }
      case VALUE_NUMBER_INT -> {
        return new YamlNode(p.getLongValue(), line);
      }
      case VALUE_NUMBER_FLOAT -> {
        return new YamlNode(p.getDoubleValue(), line);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new YamlNode(token == JsonToken.VALUE_TRUE, line);
      }
      case VALUE_NULL -> {
        return new YamlNode(null, line);
      }
      default -> {
        return new YamlNode(p.getText(), line);
      }
    }
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  boolean isMap() {
    return value instanceof Map;
  }

  boolean isList() {
    return value instanceof List;
  }

  @SuppressWarnings("unchecked")
  Map<String, YamlNode> map() {
    return (Map<String, YamlNode>) value;
  }

  @SuppressWarnings("unchecked")
  List<YamlNode> list() {
    return (List<YamlNode>) value;
  }

  /** A scalar as text: numbers and booleans as written (a YAML 6 is the text "6"). */
  String text() {
    return value == null ? null : String.valueOf(value);
  }

  boolean isScalar() {
    return value != null && !isMap() && !isList();
  }
}
