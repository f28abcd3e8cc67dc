package org.tensorworkbench.engine.spec;

import java.util.List;

/**
 * One problem found by {@link SpecValidator}: how serious it is, the nodes it concerns (empty
 * when it is about the whole network, e.g. "no Output layer") and what to tell the student.
 */
public record ValidationIssue(Severity severity, List<String> nodeIds, SpecMessage message) {
  public ValidationIssue {
    nodeIds = List.copyOf(nodeIds);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** ERROR: the network cannot be compiled or trained. WARNING: it can, but something is off. */
  public enum Severity {
    ERROR,
    WARNING
  }
}
