package org.tensorworkbench.learn;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One lesson of a pack: what is the same in every language (id, d2l chapter, steps with their
 * presets and checks) and its words in each language.
 *
 * @param id the lesson's id, also its files' name
 * @param chapter the d2l chapter number, e.g. {@code "7.3"}
 * @param minutes the estimated time, 0 when not given
 * @param steps the steps in order
 * @param texts the words by language code ({@code en}, {@code zh_CN})
 */
public record Lesson(String id, String chapter, int minutes, List<Step> steps, Map<String, LessonText> texts) {
  public Lesson {
    steps = List.copyOf(steps);
    texts = Map.copyOf(texts);
  }

  /** The words in {@code locale}'s language (Chinese for any zh locale, else English). */
  public LessonText text(Locale locale) {
    return texts.get(LessonPack.languageOf(locale));
  }

  public Step step(String stepId) {
    return steps.stream().filter(s -> s.id().equals(stepId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no step " + stepId + " in " + id));
  }
}
