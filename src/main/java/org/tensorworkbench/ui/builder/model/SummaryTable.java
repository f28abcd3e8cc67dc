package org.tensorworkbench.ui.builder.model;

import java.util.List;
import java.util.stream.Collectors;
import org.tensorworkbench.engine.spec.InferredNetwork;
import org.tensorworkbench.engine.spec.NodeShape;
import org.tensorworkbench.engine.spec.ParameterShape;
import org.tensorworkbench.i18n.Messages;

/**
 * d2l's shape walk-through of a network ("Conv2d output shape: torch.Size([1, 6, 28, 28])"), one
 * row per layer in data-flow order: layer, output shape, parameter shapes, trainable parameters
 * and multiplications for the batch. Copies as aligned text or as CSV (RFC 4180 quoting).
 */
public final class SummaryTable {

  /** One layer's row; {@code outputShape} is "—" for a layer whose shape is unknown. */
  public record Row(String layer, String kind, String outputShape, String parameterShapes, long parameters,
      long multiplications, boolean ok) {}

  private SummaryTable() {}

  public static List<Row> rows(InferredNetwork network) {
    return network.nodes().stream().map(SummaryTable::row).toList();
  }

  private static Row row(NodeShape n) {
    String params = n.parameters().stream().map(ParameterShape::toString).collect(Collectors.joining("; "));
    return new Row(n.id(), Messages.get(LayerCatalog.entry(LayerCatalog.kindOf(n.layer())).nameKey()),
        n.isOk() ? n.output().toString() : "—", params, n.parameterCount(), n.ops().multiplications(), n.isOk());
  }

  private static List<String> headers() {
    return List.of(Messages.get("builder.summary.layer"), Messages.get("builder.summary.kind"),
        Messages.get("builder.summary.output"), Messages.get("builder.summary.parameterShapes"),
        Messages.get("builder.summary.parameters"), Messages.get("builder.summary.multiplications"));
  }

  private static List<String> cells(Row r) {
    return List.of(r.layer(), r.kind(), r.outputShape(), r.parameterShapes(), Long.toString(r.parameters()),
        Long.toString(r.multiplications()));
  }

  public static String csv(List<Row> rows) {
    StringBuilder out = new StringBuilder(csvLine(headers()));
    rows.forEach(r -> out.append(csvLine(cells(r))));
    return out.toString();
  }

  /** Columns padded to their widest cell, numbers right-aligned, as a monospaced font shows them. */
  public static String text(List<Row> rows) {
    List<List<String>> table = new java.util.ArrayList<>();
    table.add(headers());
    rows.forEach(r -> table.add(cells(r)));
    int[] widths = new int[headers().size()];
    for (List<String> line : table) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], displayWidth(line.get(c)));
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> line : table) {
      StringBuilder l = new StringBuilder();
      for (int c = 0; c < widths.length; c++) {
        String cell = line.get(c);
        String pad = " ".repeat(widths[c] - displayWidth(cell));
        l.append(c >= 4 ? pad + cell : cell + pad).append(c < widths.length - 1 ? "  " : "");
      }
      out.append(l.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** Chinese characters take two columns in a monospaced font. */
  private static int displayWidth(String s) {
    return s.codePoints().map(cp -> cp >= 0x2E80 ? 2 : 1).sum();
  }

  private static String csvLine(List<String> cells) {
    return cells.stream().map(SummaryTable::csvCell).collect(Collectors.joining(",")) + "\r\n";
  }

  private static String csvCell(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
