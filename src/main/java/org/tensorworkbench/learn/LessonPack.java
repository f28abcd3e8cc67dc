package org.tensorworkbench.learn;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A course: lessons in course-map order, each in every language of {@link #LANGUAGES}.
 *
 * @param id the pack's id, {@code [a-z0-9-]+} (progress is kept per pack id)
 * @param title the pack's title by language code
 * @param lessons the lessons in course-map order
 */
public record LessonPack(String id, Map<String, String> title, List<Lesson> lessons) {
  /** The languages every lesson must have, by the code used in its file names. */
  public static final List<String> LANGUAGES = List.of("en", "zh_CN");

  /** The format version this workbench reads. */
  public static final int FORMAT = 1;

  public LessonPack {
    title = Map.copyOf(title);
    lessons = List.copyOf(lessons);
  }

  /** The language code of {@code locale}: {@code zh_CN} for any Chinese, else {@code en}. */
  public static String languageOf(Locale locale) {
    return "zh".equals(locale.getLanguage()) ? "zh_CN" : "en";
  }

  public String title(Locale locale) {
    return title.get(languageOf(locale));
  }

  public Optional<Lesson> lesson(String lessonId) {
    return lessons.stream().filter(l -> l.id().equals(lessonId)).findFirst();
  }
}
