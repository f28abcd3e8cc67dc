package org.tensorworkbench.engine.spec;

import java.util.List;

/** Everything {@link SpecValidator} found in a network, errors first. */
public record ValidationReport(List<ValidationIssue> issues) {
  public ValidationReport {
    issues = issues.stream()
        .sorted((a, b) -> a.severity().compareTo(b.severity()))
        .toList();
  }

  /** True when there are no errors (warnings allowed): the network can be compiled. */
  public boolean isValid() {
    return errors().isEmpty();
  }

  public List<ValidationIssue> errors() {
    return issues.stream().filter(ValidationIssue::isError).toList();
  }

  public List<ValidationIssue> warnings() {
    return issues.stream().filter(i -> !i.isError()).toList();
  }

  /** The issues that name this node, for marking it in the builder. */
  public List<ValidationIssue> forNode(String id) {
    return issues.stream().filter(i -> i.nodeIds().contains(id)).toList();
  }

  /** Throws the first error as a {@link SpecException}; does nothing for a valid network. */
  public void requireValid() {
    List<ValidationIssue> errors = errors();
    if (!errors.isEmpty()) {
      throw errors.get(0).message().toException();
    }
  }
}
