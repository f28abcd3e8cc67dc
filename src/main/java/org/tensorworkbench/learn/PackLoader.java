package org.tensorworkbench.learn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a lesson pack (the README's lesson format) from the classpath, a folder or a .zip and
 * validates all of it before anything uses it: a pack with any problem is refused with a {@link
 * PackException} naming the file, the line and the reason.
 */
public final class PackLoader {
  /** The shipped course. */
  public static final String SHIPPED = "/org/tensorworkbench/lessons/d2l/";
  /** No lesson file or pack.yaml may be larger (a few screens of text are a few kB). */
  public static final long MAX_FILE_BYTES = 1 << 20;
  /** No pack may hold more lessons. */
  public static final int MAX_LESSONS = 500;

  private PackLoader() {}

  /** Where a pack's files come from. */
  interface PackFiles {
    /** The file's text, empty if there is no such file. */
    Optional<String> read(String name) throws IOException;
  }

  /** The shipped course, or the pack in another classpath folder ending in {@code /}. */
  public static LessonPack fromClasspath(String folder) {
    String label = Path.of(folder).getFileName().toString();
    return load(label, name -> {
      try (InputStream in = PackLoader.class.getResourceAsStream(folder + name)) {
        return in == null ? Optional.empty() : Optional.of(decode(in.readNBytes((int) MAX_FILE_BYTES + 1), label + "/" + name));
      }
    });
  }

  /** A teacher's pack: a folder holding pack.yaml, or a .zip of such a folder or of its contents. */
  public static LessonPack fromPath(Path path) {
    String label = path.getFileName().toString();
    if (Files.isDirectory(path)) {
      return load(label, name -> {
        Path file = path.resolve(name);
        if (!Files.isRegularFile(file)) {
          return Optional.empty();
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
          throw new PackException(label + "/" + name, 0, "learn.error.tooLarge", MAX_FILE_BYTES / 1024);
        }
        return Optional.of(decode(Files.readAllBytes(file), label + "/" + name));
      });
    }
    try (ZipFile zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8)) {
      String prefix = zipPrefix(zip, label);
      return load(label, name -> {
        ZipEntry entry = zip.getEntry(prefix + name);
        if (entry == null || entry.isDirectory()) {
          return Optional.empty();
        }
        if (entry.getSize() > MAX_FILE_BYTES) {
          throw new PackException(label + "/" + name, 0, "learn.error.tooLarge", MAX_FILE_BYTES / 1024);
        }
        try (InputStream in = zip.getInputStream(entry)) {
          byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
          if (bytes.length > MAX_FILE_BYTES) {
            throw new PackException(label + "/" + name, 0, "learn.error.tooLarge", MAX_FILE_BYTES / 1024);
          }
          return Optional.of(decode(bytes, label + "/" + name));
        }
      });
    } catch (IOException e) {
      throw new PackException(label, 0, "learn.error.notAPack", String.valueOf(e.getMessage()));
    }
  }

  /** The folder inside the zip that holds pack.yaml: the root, or a single top folder. */
  private static String zipPrefix(ZipFile zip, String label) {
    if (zip.getEntry("pack.yaml") != null) {
      return "";
    }
    List<String> found = zip.stream().map(ZipEntry::getName)
        .filter(n -> n.endsWith("/pack.yaml") && n.indexOf('/') == n.length() - "/pack.yaml".length())
        .toList();
    if (found.size() != 1) {
      throw new PackException(label, 0, "learn.error.noPackYaml");
    }
    return found.get(0).substring(0, found.get(0).length() - "pack.yaml".length());
  }

  static LessonPack load(String label, PackFiles files) {
    String packFile = label + "/pack.yaml";
    String packText;
    try {
      packText = files.read("pack.yaml").orElseThrow(() -> new PackException(label, 0, "learn.error.noPackYaml"));
    } catch (IOException e) {
      throw new PackException(packFile, 0, "learn.error.unreadable", String.valueOf(e.getMessage()));
    }
    YamlNode root = YamlNode.parse(packText, packFile, 1);
    if (!root.isMap()) {
      throw new PackException(packFile, root.line(), "learn.error.packNotAMap");
    }
    Map<String, YamlNode> pack = root.map();
    for (Map.Entry<String, YamlNode> e : pack.entrySet()) {
      if (!Set.of("format", "id", "title", "lessons").contains(e.getKey())) {
        throw new PackException(packFile, e.getValue().line(), "learn.error.unknownKey", e.getKey(),
            "format, id, lessons, title");
      }
    }
    YamlNode format = pack.get("format");
    if (format == null || !(format.value() instanceof Long f) || f != LessonPack.FORMAT) {
      throw new PackException(packFile, format == null ? 1 : format.line(), "learn.error.format",
          format == null ? "" : format.text(), LessonPack.FORMAT);
    }
    YamlNode idNode = pack.get("id");
    String id = idNode == null || !idNode.isScalar() ? null : idNode.text();
    if (id == null || !id.matches(LessonFile.ID_PATTERN)) {
      throw new PackException(packFile, idNode == null ? 1 : idNode.line(), "learn.error.badId", String.valueOf(id));
    }
    Map<String, String> title = new LinkedHashMap<>();
    YamlNode titleNode = pack.get("title");
    for (String language : LessonPack.LANGUAGES) {
      YamlNode t = titleNode != null && titleNode.isMap() ? titleNode.map().get(language) : null;
      if (t == null || !t.isScalar() || t.text().isBlank()) {
        throw new PackException(packFile, titleNode == null ? 1 : titleNode.line(), "learn.error.packTitle", language);
      }
      title.put(language, t.text().strip());
    }
    YamlNode list = pack.get("lessons");
    if (list == null || !list.isList() || list.list().isEmpty()) {
      throw new PackException(packFile, list == null ? 1 : list.line(), "learn.error.noLessons");
    }
    if (list.list().size() > MAX_LESSONS) {
      throw new PackException(packFile, list.line(), "learn.error.tooManyLessons", MAX_LESSONS);
    }
    List<Lesson> lessons = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (YamlNode item : list.list()) {
      String lessonId = item.isScalar() ? item.text() : null;
      if (lessonId == null || !lessonId.matches(LessonFile.ID_PATTERN)) {
        throw new PackException(packFile, item.line(), "learn.error.badId", String.valueOf(lessonId));
      }
      if (!seen.add(lessonId)) {
        throw new PackException(packFile, item.line(), "learn.error.duplicateLesson", lessonId);
      }
      lessons.add(lesson(label, lessonId, files));
    }
    return new LessonPack(id, title, lessons);
  }

  private static Lesson lesson(String label, String lessonId, PackFiles files) {
    Map<String, LessonFile> byLanguage = new LinkedHashMap<>();
    for (String language : LessonPack.LANGUAGES) {
      String name = lessonId + "." + language + ".md";
      String shown = label + "/" + name;
      Optional<String> content;
      try {
        content = files.read(name);
      } catch (IOException e) {
        throw new PackException(shown, 0, "learn.error.unreadable", String.valueOf(e.getMessage()));
      }
      if (content.isEmpty()) {
        throw new PackException(shown, 0, "learn.error.missingLanguage", lessonId, language);
      }
      byLanguage.put(language, LessonFile.parse(content.get(), shown, lessonId));
    }
    LessonFile first = byLanguage.get(LessonPack.LANGUAGES.get(0));
    Map<String, LessonText> texts = new HashMap<>();
    for (Map.Entry<String, LessonFile> e : byLanguage.entrySet()) {
      sameStructure(first, e.getValue(), label + "/" + lessonId + "." + e.getKey() + ".md");
      texts.put(e.getKey(), e.getValue().text());
    }
    return new Lesson(lessonId, first.chapter(), first.minutes(), first.steps(), texts);
  }

  /** Only the words may differ between languages; {@code file} is the translation's. */
  private static void sameStructure(LessonFile english, LessonFile other, String file) {
    if (!english.chapter().equals(other.chapter())) {
      throw new PackException(file, other.chapterLine(), "learn.error.otherChapter", other.chapter(), english.chapter());
    }
    int n = Math.min(english.steps().size(), other.steps().size());
    for (int i = 0; i < n; i++) {
      Step a = english.steps().get(i);
      Step b = other.steps().get(i);
      LessonFile.StepLines at = other.stepLines().get(i);
      if (!a.id().equals(b.id())) {
        throw new PackException(file, at.step(), "learn.error.otherStepId", i + 1, b.id(), a.id());
      }
      if (a.open().isPresent() != b.open().isPresent()) {
        throw new PackException(file, at.step(), a.open().isPresent() ? "learn.error.openOnlyInEnglish"
            : "learn.error.openNotInEnglish", a.id());
      }
      if (!a.open().equals(b.open())) {
        throw new PackException(file, at.open(), "learn.error.otherOpen", a.id());
      }
      if (a.check().isPresent() != b.check().isPresent()) {
        throw new PackException(file, at.step(), a.check().isPresent() ? "learn.error.checkOnlyInEnglish"
            : "learn.error.checkNotInEnglish", a.id());
      }
      if (!a.check().equals(b.check())) {
        throw new PackException(file, at.check(), "learn.error.otherCheck", a.id());
      }
      if (a.question() != b.question()) {
        throw new PackException(file, at.step(), "learn.error.otherQuestion", a.id());
      }
    }
    if (english.steps().size() != other.steps().size()) {
      int line = other.steps().size() > n ? other.stepLines().get(n).step() : other.chapterLine();
      throw new PackException(file, line, "learn.error.otherStepCount", other.steps().size(), english.steps().size());
    }
  }

  private static String decode(byte[] bytes, String file) {
    if (bytes.length > MAX_FILE_BYTES) {
      throw new PackException(file, 0, "learn.error.tooLarge", MAX_FILE_BYTES / 1024);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new PackException(file, 0, "learn.error.notUtf8");
    }
  }
}
