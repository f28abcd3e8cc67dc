package org.tensorworkbench.learn;

import java.util.List;

/**
 * A lesson in one language.
 *
 * @param title the lesson's title
 * @param body the lesson's text, Markdown with {@code $...$} and {@code $$...$$} math
 * @param steps the words of each step, in the lesson's step order
 */
public record LessonText(String title, String body, List<StepText> steps) {
  public LessonText {
    steps = List.copyOf(steps);
  }
}
