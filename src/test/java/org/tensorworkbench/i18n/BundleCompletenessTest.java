package org.tensorworkbench.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every key exists in English and Chinese, in the bundle its area prefix names, and formats. */
class BundleCompletenessTest {
  private static final Path BUNDLES = Path.of("src/main/resources/org/tensorworkbench/i18n");

  @Test
  void everyKeyIsInBothLanguagesAndInItsAreasBundle() throws IOException {
    List<Path> english;
    try (Stream<Path> files = Files.list(BUNDLES)) {
      english = files.filter(p -> p.getFileName().toString().endsWith("_messages.properties")).sorted().toList();
    }
    assertFalse(english.isEmpty(), "no bundles found in " + BUNDLES.toAbsolutePath());
    List<String> problems = new ArrayList<>();
    for (Path en : english) {
      String file = en.getFileName().toString();
      String area = file.substring(0, file.length() - "_messages.properties".length());
      Path zh = en.resolveSibling(area + "_messages_zh_CN.properties");
      assertTrue(Files.exists(zh), zh + " is missing");
      Properties enKeys = load(en);
      Properties zhKeys = load(zh);
      TreeSet<String> onlyEn = new TreeSet<>(enKeys.stringPropertyNames());
      onlyEn.removeAll(zhKeys.stringPropertyNames());
      TreeSet<String> onlyZh = new TreeSet<>(zhKeys.stringPropertyNames());
      onlyZh.removeAll(enKeys.stringPropertyNames());
      if (!onlyEn.isEmpty()) problems.add(area + ": not translated to Chinese: " + onlyEn);
      if (!onlyZh.isEmpty()) problems.add(area + ": only in Chinese: " + onlyZh);
      for (String key : enKeys.stringPropertyNames()) {
        if (!key.startsWith(area + ".")) problems.add(key + " is in " + file + " but its area is not " + area);
        for (Locale locale : Messages.SUPPORTED) {
          try {
            new java.text.MessageFormat(Messages.get(locale, key));
          } catch (IllegalArgumentException e) {
            problems.add(key + " (" + locale + ") is not a valid MessageFormat: " + e.getMessage());
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void chineseTextComesFromTheChineseBundle() {
    assertEquals("语言", Messages.get(Locale.SIMPLIFIED_CHINESE, "shell.menu.language"));
    assertEquals("Language", Messages.get(Locale.ENGLISH, "shell.menu.language"));
    assertEquals("Language", Messages.get(Locale.US, "shell.menu.language"));
  }

  @Test
  void missingKeysAreVisibleNotSilent() {
    assertEquals("!shell.no.such.key!", Messages.get("shell.no.such.key"));
    assertFalse(Messages.has("shell.no.such.key"));
  }

  private static Properties load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }
}
