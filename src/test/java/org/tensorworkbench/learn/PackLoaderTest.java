package org.tensorworkbench.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.i18n.Messages;

/** Lesson packs from folders and zips: a good one, and every kind of malformed one with file and line. */
class PackLoaderTest {
  private static final String PACK = """
      format: 1
      id: class-7b
      title:
        en: Convolutions for 7b
        zh_CN: 7b 班的卷积课
      lessons:
        - padding
      """;

  /** Line 1 is the first ---; line numbers below count from it. */
  private static final String EN = """
      ---
      id: padding
      chapter: "7.3"
      title: Padding
      minutes: 10
      steps:
        - id: look
          title: Look
          text: The output is $6 \\times 7$.
          open:
            workspace: kernels
            preset:
              image: "synthetic:boundary"
              kernel: "1,-1"
        - id: task
          title: Make 3x4
          check:
            workspace: kernels
            all:
              - {fact: output.height, equals: 3}
              - {fact: output.width, equals: 4}
          hint: Stride 2.
        - id: ask
          title: Count
          question: How many?
          answer: "867,041,280"
      ---
      Text with $$\\lfloor (n + 2p - k)/s \\rfloor + 1$$
      """;

  private static final String ZH = EN.replace("title: Padding", "title: 填充").replace("title: Look", "title: 看一看")
      .replace("How many?", "多少次？");

  @TempDir
  Path dir;
  private Locale before;

  @BeforeEach
  void english() {
    before = Messages.locale();
    Messages.setLocale(Locale.ENGLISH);
  }

  @AfterEach
  void restore() {
    Messages.setLocale(before);
  }

  private Path pack(String packYaml, String en, String zh) throws IOException {
    Path folder = dir.resolve("class-pack");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("pack.yaml"), packYaml);
    if (en != null) {
      Files.writeString(folder.resolve("padding.en.md"), en);
    }
    if (zh != null) {
      Files.writeString(folder.resolve("padding.zh_CN.md"), zh);
    }
    return folder;
  }

  private PackException refused(String packYaml, String en, String zh) throws IOException {
    Path folder = pack(packYaml, en, zh);
    return assertThrows(PackException.class, () -> PackLoader.fromPath(folder));
  }

  @Test
  void aGoodPackLoadsWithItsStepsInBothLanguages() throws IOException {
    LessonPack pack = PackLoader.fromPath(pack(PACK, EN, ZH));
    assertEquals("class-7b", pack.id());
    assertEquals("7b 班的卷积课", pack.title(Locale.SIMPLIFIED_CHINESE));
    Lesson lesson = pack.lessons().get(0);
    assertEquals("7.3", lesson.chapter());
    assertEquals(10, lesson.minutes());
    assertEquals(List.of("look", "task", "ask"), lesson.steps().stream().map(Step::id).toList());
    Step look = lesson.steps().get(0);
    assertEquals(new Open("kernels", Map.of("image", "synthetic:boundary", "kernel", "1,-1")), look.open().get());
    Check check = lesson.steps().get(1).check().get();
    assertEquals(List.of(new Condition("output.height", Condition.Kind.EQUALS, 3L),
        new Condition("output.width", Condition.Kind.EQUALS, 4L)), check.conditions());
    assertTrue(lesson.steps().get(2).question());
    assertEquals("填充", lesson.text(Locale.SIMPLIFIED_CHINESE).title());
    assertEquals("Padding", lesson.text(Locale.ENGLISH).title());
    assertEquals("867,041,280", lesson.text(Locale.ENGLISH).steps().get(2).answer());
    assertTrue(lesson.text(Locale.ENGLISH).body().startsWith("Text with $$"));
  }

  @Test
  void aZipOfTheFolderOrOfItsContentsLoadsTheSame() throws IOException {
    Path folder = pack(PACK, EN, ZH);
    for (String prefix : List.of("", "class-pack/")) {
      Path zip = dir.resolve("pack" + prefix.length() + ".zip");
      try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
        for (String name : List.of("pack.yaml", "padding.en.md", "padding.zh_CN.md")) {
          z.putNextEntry(new ZipEntry(prefix + name));
          z.write(Files.readAllBytes(folder.resolve(name)));
          z.closeEntry();
        }
      }
      assertEquals(PackLoader.fromPath(folder), PackLoader.fromPath(zip));
    }
  }

  @Test
  void aFileThatIsNotAPackIsRefused() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.zip"), "not a zip");
    PackException e = assertThrows(PackException.class, () -> PackLoader.fromPath(text));
    assertTrue(e.getMessage().startsWith("notes.zip: not a folder or a .zip"), e.getMessage());
    Files.createDirectories(dir.resolve("empty"));
    e = assertThrows(PackException.class, () -> PackLoader.fromPath(dir.resolve("empty")));
    assertTrue(e.getMessage().contains("there is no pack.yaml"), e.getMessage());
  }

  @Test
  void badFrontMatterNamesFileAndLine() throws IOException {
    PackException e = refused(PACK, EN, ZH.replaceFirst("---\n", "id: padding\n"));
    assertEquals("class-pack/padding.zh_CN.md, line 1: a lesson file starts with a line '---', then its front "
        + "matter, then '---'", e.getMessage());
    e = refused(PACK, EN.replace("minutes: 10", "minutes: 10\nlevel: easy"), ZH);
    assertEquals("class-pack/padding.en.md, line 6: unknown key 'level' (known: chapter, id, minutes, steps, title)",
        e.getMessage());
    e = refused(PACK, EN.replace("chapter: \"7.3\"\n", ""), ZH);
    assertEquals("class-pack/padding.en.md, line 2: 'chapter' is missing", e.getMessage());
    e = refused(PACK, EN.replace("id: padding\n", "id: pading\n"), ZH);
    assertEquals("class-pack/padding.en.md, line 2: the lesson's id is 'pading' but its file is named for 'padding'",
        e.getMessage());
    e = refused(PACK, EN.replace("answer: \"867,041,280\"\n", ""), ZH);
    assertEquals("class-pack/padding.en.md, line 23: step 'ask' has a question but no answer", e.getMessage());
  }

  @Test
  void yamlErrorsNameFileAndLine() throws IOException {
    PackException e = refused(PACK, EN, ZH.replace("hint: Stride 2.", "hint: [Stride 2."));
    assertTrue(e.getMessage().startsWith("class-pack/padding.zh_CN.md, line 23: "), e.getMessage());
    assertTrue(e.getMessage().contains("the YAML cannot be read"), e.getMessage());
    e = refused(PACK, EN.replace("    hint: Stride 2.", "    hint: Stride 2.\n    hint: again"), ZH);
    assertEquals("class-pack/padding.en.md, line 23: the key 'hint' appears twice", e.getMessage());
    e = refused(PACK.replace("  en: Convolutions", " en: Convolutions"), EN, ZH);
    assertTrue(e.getMessage().startsWith("class-pack/pack.yaml, line "), e.getMessage());
  }

  @Test
  void anUnknownWorkspaceOrPresetKeyIsRefused() throws IOException {
    PackException e = refused(PACK, EN.replaceFirst("workspace: kernels", "workspace: kernel"),
        ZH);
    assertTrue(e.getMessage().startsWith("class-pack/padding.en.md, line 11: unknown workspace 'kernel' (known: learn, "),
        e.getMessage());
    e = refused(PACK, EN.replace("kernel: \"1,-1\"", "weights: \"1,-1\""), ZH);
    assertEquals("class-pack/padding.en.md, line 14: the kernels workspace has no preset 'weights' (it has: channels, "
        + "dilation, image, kernel, padding, pool, stride)", e.getMessage());
    e = refused(PACK, EN.replace("{fact: output.width, equals: 4}", "{fact: output.width, atLeast: four}"), ZH);
    assertEquals("class-pack/padding.en.md, line 21: 'four' is not a number", e.getMessage());
  }

  @Test
  void aMissingLanguageIsRefused() throws IOException {
    PackException e = refused(PACK, EN, null);
    assertEquals("class-pack/padding.zh_CN.md: lesson 'padding' has no file in zh_CN (every lesson needs both "
        + "languages)", e.getMessage());
    e = refused(PACK.replace("  zh_CN: 7b 班的卷积课\n", ""), EN, ZH);
    assertEquals("class-pack/pack.yaml, line 3: the pack needs a title in zh_CN (title: then 'zh_CN: ...')",
        e.getMessage());
  }

  @Test
  void languagesWhoseStepsDifferAreRefusedOnTheTranslationsLine() throws IOException {
    String noCheck = ZH.replaceAll("(?s)    check:.*?equals: 4}\n", "");
    PackException e = refused(PACK, EN, noCheck);
    assertEquals("class-pack/padding.zh_CN.md, line 15: step 'task' has a check in English but none here", e.getMessage());
    e = refused(PACK, EN, ZH.replace("equals: 4}", "equals: 5}"));
    assertEquals("class-pack/padding.zh_CN.md, line 17: step 'task' checks something different than in English",
        e.getMessage());
    e = refused(PACK, EN, ZH.replace("- id: task", "- id: tasks"));
    assertEquals("class-pack/padding.zh_CN.md, line 15: step 2 is 'tasks' here but 'task' in English", e.getMessage());
    e = refused(PACK, EN, ZH.replace("kernel: \"1,-1\"", "kernel: \"-1,1\""));
    assertEquals("class-pack/padding.zh_CN.md, line 10: step 'look' opens a different workspace or preset than in "
        + "English", e.getMessage());
    e = refused(PACK, EN, ZH.replace("chapter: \"7.3\"", "chapter: \"7.4\""));
    assertEquals("class-pack/padding.zh_CN.md, line 3: the chapter is '7.4' here but '7.3' in English", e.getMessage());
  }

  @Test
  void aDuplicateStepOrLessonIsRefused() throws IOException {
    PackException e = refused(PACK, EN.replace("- id: ask", "- id: look"), ZH);
    assertEquals("class-pack/padding.en.md, line 23: the step id 'look' is used twice", e.getMessage());
    e = refused(PACK + "  - padding\n", EN, ZH);
    assertEquals("class-pack/pack.yaml, line 8: the lesson 'padding' is listed twice", e.getMessage());
    e = refused(PACK.replace("format: 1", "format: 2"), EN, ZH);
    assertTrue(e.getMessage().startsWith("class-pack/pack.yaml, line 1: 'format' must be 1"), e.getMessage());
  }

  @Test
  void messagesFollowTheLanguage() throws IOException {
    Path folder = pack(PACK, EN, null);
    PackException e = assertThrows(PackException.class, () -> PackLoader.fromPath(folder));
    Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    assertEquals("class-pack/padding.zh_CN.md：课程“padding”缺少 zh_CN 的文件（每节课都需要两种语言）", e.getMessage());
  }

  @Test
  void theShippedPackLoads() {
    LessonPack shipped = PackLoader.fromClasspath(PackLoader.SHIPPED);
    assertEquals("d2l", shipped.id());
    assertFalse(shipped.lessons().isEmpty());
    assertTrue(shipped.lesson("conv-padding-stride").isPresent());
  }
}
