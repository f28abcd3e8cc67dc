package org.tensorworkbench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tensorworkbench.engine.spec.InferredNetwork;
import org.tensorworkbench.engine.spec.LayerKinds;
import org.tensorworkbench.engine.spec.NodeShape;
import org.tensorworkbench.engine.spec.OpCount;
import org.tensorworkbench.engine.spec.ParameterShape;
import org.tensorworkbench.engine.MemoryEstimate;
import org.tensorworkbench.i18n.Messages;

/** Renders an {@link InferredNetwork} as the per-layer text table of {@code summary}, with totals. */
final class SummaryTable {
  private SummaryTable() {}

  static String render(InferredNetwork net) {
    Locale locale = Messages.locale();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {
      Messages.get("spec.summary.header.name"), Messages.get("spec.summary.header.type"),
      Messages.get("spec.summary.header.output"), Messages.get("spec.summary.header.parameters"),
      Messages.get("spec.summary.header.count"), Messages.get("spec.summary.header.multiplications"),
      Messages.get("spec.summary.header.additions")});
    for (NodeShape node : net.nodes()) {
      rows.add(new String[] {
        node.id(), LayerKinds.displayName(node.layer()), outputText(node), parameterText(node),
        number(locale, node.parameterCount()), number(locale, node.ops().multiplications()),
        number(locale, node.ops().additions())});
    }
    OpCount ops = net.ops();
    rows.add(new String[] {Messages.get("spec.summary.total"), "", "", "", number(locale, net.parameterCount()),
        number(locale, ops.multiplications()), number(locale, ops.additions())});

    StringBuilder out = new StringBuilder();
    out.append(Messages.get("spec.summary.title", net.spec().name(), net.batchSize())).append("\n\n");
    appendAligned(out, rows);
    out.append('\n');
    out.append(Messages.get("spec.summary.parameters", number(locale, net.parameterCount()))).append('\n');
    if (net.stateCount() > 0) {
      out.append(Messages.get("spec.summary.stateValues", number(locale, net.stateCount()))).append('\n');
    }
    out.append(Messages.get("spec.summary.ops", number(locale, ops.multiplications()), number(locale, ops.additions()),
        number(locale, ops.comparisons()), number(locale, ops.functions()))).append('\n');
    out.append(Messages.get("spec.summary.macs", number(locale, net.multiplyAddsPerExample()))).append('\n');
    out.append(Messages.get("spec.summary.memory", number(locale, net.activationBytes()),
        String.format(locale, "%.1f", net.activationBytes() / (1024.0 * 1024.0)))).append('\n');
    MemoryEstimate sgd = MemoryEstimate.training(net, 0);
    if (net.isComplete()) {
      out.append(Messages.get("engine.memory.summary", MemoryEstimate.bytes(sgd.nativeBytes()),
        MemoryEstimate.bytes(MemoryEstimate.training(net, 2).nativeBytes()), MemoryEstimate.bytes(sgd.parameterBytes()),
          MemoryEstimate.bytes(sgd.activationBytes()), MemoryEstimate.bytes(MemoryEstimate.Available.now().nativeBytes())))
          .append('\n');
    }
    appendProblems(out, net);
    return out.toString();
  }

  private static void appendProblems(StringBuilder out, InferredNetwork net) {
    List<String> problems = new ArrayList<>();
    net.validation().issues().forEach(i -> problems.add(i.message().text()));
    net.errors().stream().map(n -> n.problem().text()).filter(t -> !problems.contains(t)).forEach(problems::add);
    if (!problems.isEmpty()) {
      out.append('\n').append(Messages.get("spec.summary.problems")).append('\n');
      problems.forEach(p -> out.append("  ").append(p).append('\n'));
    }
  }

  private static String outputText(NodeShape node) {
    return switch (node.status()) {
      case OK -> node.output().toString();
      case ERROR -> Messages.get("spec.summary.error");
      case BLOCKED -> Messages.get("spec.summary.blocked");
    };
  }

  /** "weight [6, 1, 5, 5], bias [6]": names without the node id, state marked. */
  private static String parameterText(NodeShape node) {
    return node.parameters().stream().map(p -> shortName(node, p) + " " + p.shape()
            + (p.trainable() ? "" : " " + Messages.get("spec.summary.state")))
        .collect(Collectors.joining(", "));
  }

  private static String shortName(NodeShape node, ParameterShape p) {
    String prefix = node.id() + ".";
    return p.name().startsWith(prefix) ? p.name().substring(prefix.length()) : p.name();
  }

  private static String number(Locale locale, long n) {
    return String.format(locale, "%,d", n);
  }

  /** Text columns left-aligned, number columns (the last three) right-aligned, two spaces apart. */
  private static void appendAligned(StringBuilder out, List<String[]> rows) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], width(row[c]));
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        String pad = " ".repeat(widths[c] - width(row[c]));
        line.append(c >= columns - 3 ? pad + row[c] : row[c] + pad).append(c < columns - 1 ? "  " : "");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  /** Terminal columns: CJK characters take two. */
  private static int width(String s) {
    return s.codePoints().map(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
        || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x3000 && cp <= 0x303F) ? 2 : 1).sum();
  }
}
