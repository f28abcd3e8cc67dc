package org.tensorworkbench.learn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One lesson file ({@code <id>.<language>.md}) read: YAML front matter between {@code ---} lines,
 * then the Markdown text. Every problem is a {@link PackException} with the file and line.
 *
 * @param lessonId the front matter's id
 * @param chapter the d2l chapter
 * @param chapterLine the line of the chapter
 * @param minutes the estimated minutes, 0 if not given
 * @param steps what the steps do
 * @param stepLines the line of each step, and of its open and check blocks (for comparing languages)
 * @param text the words
 */
record LessonFile(String lessonId, String chapter, int chapterLine, int minutes, List<Step> steps, List<StepLines> stepLines,
    LessonText text) {

  private static final Set<String> LESSON_KEYS = Set.of("id", "chapter", "title", "minutes", "steps");
  private static final Set<String> STEP_KEYS = Set.of("id", "title", "text", "open", "check", "hint", "question",
      "answer");
  private static final Set<String> OPEN_KEYS = Set.of("workspace", "preset");
  private static final Set<String> CONDITION_KEYS = Set.of("fact", "equals", "atLeast", "atMost");
  static final String ID_PATTERN = "[a-z0-9-]+";

  /** Where a step and its blocks are, for messages about the step. */
  record StepLines(int step, int open, int check) {}

  /** Reads {@code content} of {@code file}, which must describe the lesson {@code expectedId}. */
  static LessonFile parse(String content, String file, String expectedId) {
    String[] lines = content.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    int start = 0;
    if (lines.length > 0 && lines[0].startsWith("\uFEFF")) {
      lines[0] = lines[0].substring(1);
    }
    if (lines.length == 0 || !lines[start].strip().equals("---")) {
      throw new PackException(file, 1, "learn.error.noFrontMatter");
    }
    int end = -1;
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].strip().equals("---")) {
        end = i;
        break;
      }
    }
    if (end < 0) {
      throw new PackException(file, 1, "learn.error.frontMatterNotClosed");
    }
    String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, end));
    String body = String.join("\n", java.util.Arrays.copyOfRange(lines, end + 1, lines.length)).strip();
    YamlNode front = YamlNode.parse(yaml, file, 2);
    Reader r = new Reader(file);
    Map<String, YamlNode> top = r.map(front, "learn.where.frontMatter");
    r.onlyKeys(top, LESSON_KEYS, front.line());
    String id = r.requiredText(top, "id", front.line());
    if (!id.equals(expectedId)) {
      throw new PackException(file, top.get("id").line(), "learn.error.idMismatch", id, expectedId);
    }
    String chapter = r.requiredText(top, "chapter", front.line());
    String title = r.requiredText(top, "title", front.line());
    int minutes = 0;
    if (top.containsKey("minutes")) {
      YamlNode m = top.get("minutes");
      if (!(m.value() instanceof Long l) || l < 1 || l > 600) {
        throw new PackException(file, m.line(), "learn.error.badMinutes", m.text());
      }
      minutes = (int) (long) l;
    }
    List<Step> steps = new ArrayList<>();
    List<StepLines> stepLines = new ArrayList<>();
    List<StepText> texts = new ArrayList<>();
    YamlNode stepList = top.get("steps");
    if (stepList != null) {
      if (!stepList.isList()) {
        throw new PackException(file, stepList.line(), "learn.error.notAList", "steps");
      }
      Set<String> ids = new HashSet<>();
      for (YamlNode node : stepList.list()) {
        Map<String, YamlNode> s = r.map(node, "learn.where.step");
        r.onlyKeys(s, STEP_KEYS, node.line());
        String stepId = r.requiredText(s, "id", node.line());
        if (!stepId.matches(ID_PATTERN)) {
          throw new PackException(file, s.get("id").line(), "learn.error.badId", stepId);
        }
        if (!ids.add(stepId)) {
          throw new PackException(file, s.get("id").line(), "learn.error.duplicateStep", stepId);
        }
        Optional<Open> open = s.containsKey("open") ? Optional.of(r.open(s.get("open"))) : Optional.empty();
        Optional<Check> check = s.containsKey("check") ? Optional.of(r.check(s.get("check"))) : Optional.empty();
        boolean question = s.containsKey("question");
        if (question != s.containsKey("answer")) {
          throw new PackException(file, node.line(), question ? "learn.error.questionWithoutAnswer"
              : "learn.error.answerWithoutQuestion", stepId);
        }
        steps.add(new Step(stepId, open, check, question));
        stepLines.add(new StepLines(node.line(), open.map(o -> s.get("open").line()).orElse(node.line()),
            check.map(c -> s.get("check").line()).orElse(node.line())));
        texts.add(new StepText(r.requiredText(s, "title", node.line()), r.optionalText(s, "text"),
            r.optionalText(s, "hint"), r.optionalText(s, "question"), r.optionalText(s, "answer")));
      }
    }
    return new LessonFile(id, chapter, top.get("chapter").line(), minutes, steps, stepLines,
        new LessonText(title, body, texts));
  }

  /** Reads parts of the front matter, naming the file and line of each problem. */
  private record Reader(String file) {
    Map<String, YamlNode> map(YamlNode node, String whereKey) {
      if (!node.isMap()) {
        throw new PackException(file, node.line(), "learn.error.notAMap", new LocalText(whereKey));
      }
      return node.map();
    }

    void onlyKeys(Map<String, YamlNode> map, Set<String> allowed, int line) {
      for (Map.Entry<String, YamlNode> e : map.entrySet()) {
        if (!allowed.contains(e.getKey())) {
          throw new PackException(file, e.getValue().line(), "learn.error.unknownKey", e.getKey(),
              String.join(", ", allowed.stream().sorted().toList()));
        }
      }
    }

    String requiredText(Map<String, YamlNode> map, String key, int line) {
      YamlNode node = map.get(key);
      if (node == null || node.value() == null) {
        throw new PackException(file, line, "learn.error.missingKey", key);
      }
      if (!node.isScalar() || node.text().isBlank()) {
        throw new PackException(file, node.line(), "learn.error.notText", key);
      }
      return node.text().strip();
    }

    String optionalText(Map<String, YamlNode> map, String key) {
      return map.containsKey(key) ? requiredText(map, key, map.get(key).line()) : null;
    }

    String workspace(Map<String, YamlNode> map, int line) {
      String workspace = requiredText(map, "workspace", line);
      if (!WorkspaceKeys.known(workspace)) {
        throw new PackException(file, map.get("workspace").line(), "learn.error.unknownWorkspace", workspace,
            String.join(", ", WorkspaceKeys.IDS));
      }
      return workspace;
    }

    Open open(YamlNode node) {
      Map<String, YamlNode> map = map(node, "learn.where.open");
      onlyKeys(map, OPEN_KEYS, node.line());
      String workspace = workspace(map, node.line());
      Map<String, String> preset = new LinkedHashMap<>();
      YamlNode presetNode = map.get("preset");
      if (presetNode != null) {
        Map<String, YamlNode> values = map(presetNode, "learn.where.preset");
        Optional<Set<String>> allowed = WorkspaceKeys.presetKeys(workspace);
        for (Map.Entry<String, YamlNode> e : values.entrySet()) {
          if (allowed.isPresent() && !allowed.get().contains(e.getKey())) {
            throw new PackException(file, e.getValue().line(), "learn.error.unknownPresetKey", e.getKey(), workspace,
                String.join(", ", allowed.get().stream().sorted().toList()));
          }
          if (!e.getValue().isScalar()) {
            throw new PackException(file, e.getValue().line(), "learn.error.notText", e.getKey());
          }
          preset.put(e.getKey(), e.getValue().text());
        }
      }
      return new Open(workspace, preset);
    }

    Check check(YamlNode node) {
      Map<String, YamlNode> map = map(node, "learn.where.check");
      String workspace = workspace(map, node.line());
      List<Condition> conditions = new ArrayList<>();
      if (map.containsKey("all")) {
        onlyKeys(map, Set.of("workspace", "all"), node.line());
        YamlNode all = map.get("all");
        if (!all.isList() || all.list().isEmpty()) {
          throw new PackException(file, all.line(), "learn.error.notAList", "all");
        }
        for (YamlNode c : all.list()) {
          conditions.add(condition(map(c, "learn.where.condition"), c.line()));
        }
      } else {
        Map<String, YamlNode> single = new LinkedHashMap<>(map);
        single.remove("workspace");
        conditions.add(condition(single, node.line()));
      }
      return new Check(workspace, conditions);
    }

    Condition condition(Map<String, YamlNode> map, int line) {
      onlyKeys(map, CONDITION_KEYS, line);
      String fact = requiredText(map, "fact", line);
      List<String> kinds = map.keySet().stream().filter(k -> !k.equals("fact")).toList();
      if (kinds.size() != 1) {
        throw new PackException(file, line, "learn.error.oneComparison", fact);
      }
      YamlNode value = map.get(kinds.get(0));
      Condition.Kind kind = switch (kinds.get(0)) {
        case "equals" -> Condition.Kind.EQUALS;
        case "atLeast" -> Condition.Kind.AT_LEAST;
        default -> Condition.Kind.AT_MOST;
      };
      Object expected = expected(value, kind == Condition.Kind.EQUALS);
      return new Condition(fact, kind, expected);
    }

    private Object expected(YamlNode value, boolean anyType) {
      if (!anyType) {
        if (!(value.value() instanceof Number)) {
          throw new PackException(file, value.line(), "learn.error.notANumber", String.valueOf(value.text()));
        }
        return value.value();
      }
      if (value.isList()) {
        List<Object> items = new ArrayList<>();
        for (YamlNode item : value.list()) {
          if (!item.isScalar()) {
            throw new PackException(file, item.line(), "learn.error.badExpected");
          }
          items.add(item.value());
        }
        return List.copyOf(items);
      }
      if (!value.isScalar()) {
        throw new PackException(file, value.line(), "learn.error.badExpected");
      }
      return value.value();
    }
  }

  /** A localized fragment formatted into a message. */
  private record LocalText(String key) {
    @Override
    public String toString() {
      return org.tensorworkbench.i18n.Messages.get(key);
    }
  }
}
