package org.tensorworkbench.ui.tensors;

import java.util.Locale;

/** How a tensor value is written in a cell: whole numbers plainly, others with 2 decimals, truth values as PyTorch prints them. */
public final class CellText {
  private CellText() {}

  public static String format(double v, boolean bool) {
    if (bool) {
      return v != 0 ? "True" : "False";
    }
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e6) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.2f", v);
  }

  /** An index as PyTorch writes it: {@code [1, 0, 2]}. */
  public static String index(int[] index) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < index.length; i++) {
      b.append(i == 0 ? "" : ", ").append(index[i]);
    }
    return b.append(']').toString();
  }
}
