package org.tensorworkbench.ui.training;

import java.util.Locale;

/** Round tick values for chart axes (1, 2 or 5 times a power of ten apart) and their labels. */
public final class AxisTicks {
  private AxisTicks() {}

  /** About {@code count} round values within [min, max]. */
  public static double[] nice(double min, double max, int count) {
    if (!(max > min)) {
      return new double[] {min};
    }
    double raw = (max - min) / count;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = magnitude;
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * magnitude >= raw) {
        step = m * magnitude;
        break;
      }
    }
    double first = Math.ceil(min / step) * step;
    int n = (int) Math.floor((max - first) / step + 1e-9) + 1;
    double[] ticks = new double[Math.max(0, n)];
    for (int i = 0; i < ticks.length; i++) {
      ticks[i] = first + i * step;
      if (Math.abs(ticks[i]) < step * 1e-9) {
        ticks[i] = 0;
      }
    }
    return ticks;
  }

  /** A tick label: plain for ordinary numbers, scientific for very small or large ones. */
  public static String format(double v) {
    double a = Math.abs(v);
    if (v == 0) {
      return "0";
    }
    if (a >= 1e5 || a < 1e-3) {
      return String.format(Locale.ROOT, "%.0e", v).replace("e-0", "e-").replace("e+0", "e").replace("e+", "e");
    }
    if (a == Math.rint(a)) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return String.format(Locale.ROOT, "%.4g", v).replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  /** A value under the mouse: four significant digits. */
  public static String formatValue(double v) {
    if (!Double.isFinite(v)) {
      return Double.isNaN(v) ? "NaN" : v > 0 ? "∞" : "−∞";
    }
    double a = Math.abs(v);
    if (a != 0 && (a >= 1e5 || a < 1e-3)) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
