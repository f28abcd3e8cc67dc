package org.tensorworkbench.engine.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorworkbench.engine.spec.ValidationIssue.Severity;

/**
 * Checks that a network's graph can be built: unique ids, inputs that exist, no cycles, the
 * right number of inputs per layer (Input none, Add and Concat two or more, every other layer
 * exactly one), exactly one Input and one Output, and nothing after the Output. These are
 * ERRORS. Shapes are checked separately by {@link ShapeInference}.
 *
 * <p>A node that does not lead to the Output is only a WARNING: while building, a student often
 * places layers before wiring them, and such a node cannot change what the network computes or
 * learns. The compiler builds only the nodes the Output depends on.
 */
public final class SpecValidator {
  /** Keys of errors that belong to a node itself; shape inference marks those nodes red. */
  static final Set<String> NODE_ERRORS = Set.of(
      "spec.validate.duplicateId", "spec.validate.danglingInput", "spec.validate.inputHasInputs",
      "spec.validate.needsOneInput", "spec.validate.needsTwoInputs", "spec.validate.cycle",
      "spec.validate.afterOutput");

  private SpecValidator() {}

  public static ValidationReport validate(NetworkSpec spec) {
    List<ValidationIssue> issues = new ArrayList<>();
    if (spec.nodes().isEmpty()) {
      issues.add(error(List.of(), "spec.validate.empty"));
      return new ValidationReport(issues);
    }
    NetworkGraph graph = NetworkGraph.of(spec);
    checkDuplicates(spec, issues);
    checkEdges(spec, graph, issues);
    checkEnds(spec, graph, issues);
    for (List<String> cycle : graph.cycles()) {
      String path = String.join(" → ", cycle) + " → " + cycle.get(0);
      issues.add(error(cycle, "spec.validate.cycle", path));
    }
    return new ValidationReport(issues);
  }

  /** Validates and throws the first error; returns the spec for chaining. */
  public static NetworkSpec requireValid(NetworkSpec spec) {
    validate(spec).requireValid();
    return spec;
  }

  private static void checkDuplicates(NetworkSpec spec, List<ValidationIssue> issues) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    spec.nodes().forEach(n -> counts.merge(n.id(), 1, Integer::sum));
    counts.forEach((id, count) -> {
      if (count > 1) {
        issues.add(error(List.of(id), "spec.validate.duplicateId", id, count));
      }
    });
  }

  private static void checkEdges(NetworkSpec spec, NetworkGraph graph, List<ValidationIssue> issues) {
    for (NodeSpec node : spec.nodes()) {
      String id = node.id();
      int count = node.inputs().size();
      for (String input : node.inputs()) {
        NodeSpec source = graph.node(input);
        if (source == null) {
          issues.add(error(List.of(id), "spec.validate.danglingInput", id, input));
        } else if (source.layer() instanceof OutputSpec) {
          issues.add(error(List.of(id), "spec.validate.afterOutput", id, input));
        }
      }
      int arity = node.layer().arity();
      if (arity == 0 && count > 0) {
        issues.add(error(List.of(id), "spec.validate.inputHasInputs", id, String.join(", ", node.inputs())));
      } else if (arity == 1 && count != 1) {
        issues.add(error(List.of(id), "spec.validate.needsOneInput", id, count));
      } else if (arity == LayerSpec.ANY && count < 2) {
        issues.add(error(List.of(id), "spec.validate.needsTwoInputs", id, count));
      }
    }
  }

  private static void checkEnds(NetworkSpec spec, NetworkGraph graph, List<ValidationIssue> issues) {
    List<String> inputs = idsOf(spec, InputSpec.class);
    List<String> outputs = idsOf(spec, OutputSpec.class);
    if (inputs.isEmpty()) {
      issues.add(error(List.of(), "spec.validate.noInput"));
    } else if (inputs.size() > 1) {
      issues.add(error(inputs, "spec.validate.manyInputs", inputs.size(), String.join(", ", inputs)));
    }
    if (outputs.isEmpty()) {
      issues.add(error(List.of(), "spec.validate.noOutput"));
      return;
    }
    if (outputs.size() > 1) {
      issues.add(error(outputs, "spec.validate.manyOutputs", outputs.size(), String.join(", ", outputs)));
    }
    Set<String> used = new HashSet<>();
    outputs.forEach(o -> used.addAll(graph.ancestors(o)));
    for (NodeSpec node : spec.nodes()) {
      if (!used.contains(node.id())) {
        issues.add(new ValidationIssue(Severity.WARNING, List.of(node.id()),
            SpecMessage.of("spec.validate.notConnected", node.id())));
      }
    }
  }

  private static List<String> idsOf(NetworkSpec spec, Class<? extends LayerSpec> kind) {
    return spec.nodes().stream().filter(n -> kind.isInstance(n.layer())).map(NodeSpec::id).distinct().toList();
  }

  private static ValidationIssue error(List<String> nodeIds, String key, Object... args) {
    return new ValidationIssue(Severity.ERROR, nodeIds, SpecMessage.of(key, args));
  }
}
