package org.tensorworkbench.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorworkbench.engine.spec.Templates;

/**
 * The shipped d2l course as files, read without the Learn workspace's parser (which checks the
 * format itself): every lesson listed in pack.yaml has both languages (except the one the Learn
 * workspace ships), each file's id is its name, both languages have the same chapter, the same
 * step ids in the same order and byte-identical {@code open} and {@code check} blocks, presets
 * name existing templates, and the text has balanced math delimiters.
 */
class D2lCourseFilesTest {
  private static final String FOLDER = "/org/tensorworkbench/lessons/d2l/";
  /** Written and shipped by the Learn workspace itself. */
  private static final Set<String> ELSEWHERE = Set.of("conv-padding-stride");
  private static final Pattern STEP_ID = Pattern.compile("^  - id: ([a-z0-9-]+)$", Pattern.MULTILINE);
  private static final Pattern TEMPLATE = Pattern.compile("^ +(?:template|network): \"([a-z0-9-]+)\"$",
      Pattern.MULTILINE);

  static List<String> lessonIds() {
    String pack = read("pack.yaml");
    assertNotNull(pack, "pack.yaml");
    List<String> ids = new ArrayList<>();
    boolean inLessons = false;
    for (String line : pack.split("\n")) {
      if (line.equals("lessons:")) {
        inLessons = true;
      } else if (inLessons && line.startsWith("  - ")) {
        ids.add(line.substring(4).strip());
      }
    }
    return ids;
  }

  static Stream<String> writtenHere() {
    return lessonIds().stream().filter(id -> !ELSEWHERE.contains(id));
  }

  private static String read(String name) {
    try (InputStream in = D2lCourseFilesTest.class.getResourceAsStream(FOLDER + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theCourseHasAtLeast18LessonsInD2lsOrder() {
    List<String> ids = lessonIds();
    assertTrue(ids.size() >= 18, ids::toString);
    assertEquals(ids.size(), new HashSet<>(ids).size(), "no lesson twice");
    assertTrue(ids.indexOf("tensors-broadcasting") == 0);
    assertTrue(ids.indexOf("conv-blur") < ids.indexOf("conv-padding-stride"));
    assertTrue(ids.indexOf("conv-padding-stride") < ids.indexOf("conv-channels"));
    assertTrue(ids.indexOf("lenet") < ids.indexOf("alexnet"));
    assertTrue(ids.indexOf("batch-norm") < ids.indexOf("resnet"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writtenHere")
  void bothLanguagesAgreeOnEverythingButTheWords(String id) {
    String en = read(id + ".en.md");
    String zh = read(id + ".zh_CN.md");
    assertNotNull(en, id + ".en.md");
    assertNotNull(zh, id + ".zh_CN.md");
    String enFront = frontMatter(id + ".en.md", en);
    String zhFront = frontMatter(id + ".zh_CN.md", zh);
    assertTrue(enFront.startsWith("id: " + id + "\n"), id);
    assertTrue(zhFront.startsWith("id: " + id + "\n"), id);
    assertEquals(line(enFront, "chapter: "), line(zhFront, "chapter: "), id);
    assertEquals(matches(STEP_ID, enFront), matches(STEP_ID, zhFront), id + ": step ids");
    assertFalse(matches(STEP_ID, enFront).isEmpty(), id + ": steps");
    assertEquals(matches(STEP_ID, enFront).size(), new HashSet<>(matches(STEP_ID, enFront)).size(), id);
    assertEquals(blocks(enFront), blocks(zhFront), id + ": open and check blocks");
    for (String template : matches(TEMPLATE, enFront)) {
      assertTrue(Templates.exists(template), id + ": no template " + template);
    }
    for (String text : List.of(en, zh)) {
      String body = text.replace("\\$", "");
      assertEquals(0, body.replace("$$", "").chars().filter(c -> c == '$').count() % 2, id + ": unbalanced $");
    }
  }

  private static String frontMatter(String file, String text) {
    assertTrue(text.startsWith("---\n"), file);
    int end = text.indexOf("\n---\n", 4);
    assertTrue(end > 0, file + ": front matter not closed");
    return text.substring(4, end + 1);
  }

  private static String line(String text, String prefix) {
    return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
  }

  private static List<String> matches(Pattern p, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /** Every step's open and check blocks, with the step id, in order. */
  private static List<String> blocks(String front) {
    List<String> out = new ArrayList<>();
    String step = null;
    StringBuilder block = null;
    for (String l : front.split("\n")) {
      Matcher m = STEP_ID.matcher(l);
      if (m.matches()) {
        step = m.group(1);
      }
      if (block != null && !l.startsWith("      ")) {
        out.add(block.toString());
        block = null;
      }
      if (l.equals("    open:") || l.equals("    check:")) {
        block = new StringBuilder(step).append(l).append('\n');
      } else if (block != null) {
        block.append(l).append('\n');
      }
    }
    if (block != null) {
      out.add(block.toString());
    }
    return out;
  }
}
