package org.tensorworkbench.learn;

import java.util.List;
import java.util.stream.Collectors;
import org.tensorworkbench.i18n.Messages;

/**
 * What a check found: passed when no condition failed.
 *
 * @param failures the conditions that do not hold, in the lesson's order
 */
public record CheckResult(List<Failure> failures) {
  public CheckResult {
    failures = List.copyOf(failures);
  }

  public boolean passed() {
    return failures.isEmpty();
  }

  /** One line per failed condition, in the current language. */
  public String describe() {
    return failures.stream().map(Failure::describe).collect(Collectors.joining("\n"));
  }

  /**
   * A condition that does not hold.
   *
   * @param condition the condition
   * @param actual the fact's value, or null when the workspace does not report the fact
   */
  public record Failure(Condition condition, Object actual) {
    /** E.g. "output.height is 4, it should be 3", in the current language. */
    public String describe() {
      String fact = condition.fact();
      if (actual == null) {
        return Messages.get("learn.check.missingFact", fact);
      }
      String key = switch (condition.kind()) {
        case EQUALS -> "learn.check.notEqual";
        case AT_LEAST -> "learn.check.tooSmall";
        case AT_MOST -> "learn.check.tooLarge";
      };
      return Messages.get(key, fact, FactText.of(actual), FactText.of(condition.expected()));
    }
  }
}
