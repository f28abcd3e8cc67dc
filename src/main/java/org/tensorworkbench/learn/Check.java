package org.tensorworkbench.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A task a lesson checks from a workspace's real state: every condition must hold on the facts
 * the workspace reports ({@code LessonTarget.facts()}).
 *
 * @param workspace the workspace whose facts are checked, e.g. {@code kernels}
 * @param conditions all must hold (at least one)
 */
public record Check(String workspace, List<Condition> conditions) {
  public Check {
    conditions = List.copyOf(conditions);
    if (conditions.isEmpty()) {
      throw new IllegalArgumentException("a check needs a condition");
    }
  }

  /** Evaluates every condition on {@code facts}; a fact the workspace does not report fails. */
  public CheckResult evaluate(Map<String, ?> facts) {
    List<CheckResult.Failure> failures = new ArrayList<>();
    for (Condition c : conditions) {
      Object actual = facts.get(c.fact());
      if (actual == null) {
        failures.add(new CheckResult.Failure(c, null));
      } else if (!c.holds(actual)) {
        failures.add(new CheckResult.Failure(c, actual));
      }
    }
    return new CheckResult(failures);
  }
}
