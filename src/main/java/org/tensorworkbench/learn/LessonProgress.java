package org.tensorworkbench.learn;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a student has done in one lesson.
 *
 * @param steps the ids of the steps done (read, opened, answered or checked)
 * @param tasks the ids of the steps whose check passed
 */
public record LessonProgress(Set<String> steps, Set<String> tasks) {
  public static final LessonProgress NONE = new LessonProgress(Set.of(), Set.of());

  public LessonProgress {
    steps = steps == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(steps));
    tasks = tasks == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(tasks));
  }

  public LessonProgress withStepDone(String step) {
    Set<String> s = new TreeSet<>(steps);
    s.add(step);
    return new LessonProgress(s, tasks);
  }

  public LessonProgress withTaskPassed(String step) {
    Set<String> t = new TreeSet<>(tasks);
    t.add(step);
    return new LessonProgress(steps, t).withStepDone(step);
  }

  /** How many of {@code lesson}'s steps are done. */
  public int doneIn(Lesson lesson) {
    return (int) lesson.steps().stream().filter(s -> steps.contains(s.id())).count();
  }
}
