package org.tensorworkbench.learn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A student's progress in every pack: pack id → lesson id → {@link LessonProgress}. Immutable;
 * every change makes a new value that {@link ProgressFile} saves.
 *
 * @param packs the progress by pack and lesson
 */
public record Progress(Map<String, Map<String, LessonProgress>> packs) {
  public static final Progress EMPTY = new Progress(Map.of());

  public Progress {
    Map<String, Map<String, LessonProgress>> copy = new TreeMap<>();
    if (packs != null) {
      packs.forEach((pack, lessons) -> {
        if (pack != null && lessons != null) {
          Map<String, LessonProgress> l = new TreeMap<>();
          lessons.forEach((lesson, p) -> {
            if (lesson != null && p != null) {
              l.put(lesson, p);
            }
          });
          copy.put(pack, java.util.Collections.unmodifiableMap(l));
        }
      });
    }
    packs = java.util.Collections.unmodifiableMap(copy);
  }

  public LessonProgress lesson(String pack, String lesson) {
    return packs.getOrDefault(pack, Map.of()).getOrDefault(lesson, LessonProgress.NONE);
  }

  public Progress withStepDone(String pack, String lesson, String step) {
    return with(pack, lesson, lesson(pack, lesson).withStepDone(step));
  }

  public Progress withTaskPassed(String pack, String lesson, String step) {
    return with(pack, lesson, lesson(pack, lesson).withTaskPassed(step));
  }

  private Progress with(String pack, String lesson, LessonProgress p) {
    Map<String, Map<String, LessonProgress>> next = new LinkedHashMap<>(packs);
    Map<String, LessonProgress> lessons = new LinkedHashMap<>(packs.getOrDefault(pack, Map.of()));
    lessons.put(lesson, p);
    next.put(pack, lessons);
    return new Progress(next);
  }
}
