package org.tensorworkbench.engine.lab.conv;

import java.util.List;

/**
 * How one output value of a cross-correlation is made: the window of input values, the kernel
 * weights, their products and the bias, i.e. y[o, i, j] = Σ input·weight + b.
 */
public record WindowExplanation(int outChannel, int outRow, int outCol, List<WindowTerm> terms, float bias) {

  public WindowExplanation {
    terms = List.copyOf(terms);
  }

  /** Σ input·weight + b in double precision. */
  public double value() {
    double s = bias;
    for (WindowTerm t : terms) {
      s += t.product();
    }
    return s;
  }

  /**
   * Explains output (o, i, j) of image {@code n}: the window starts at input row i·s − p and
   * column j·s − p, and tap (u, v) reads row i·s − p + u·d, column j·s − p + v·d.
   */
  public static WindowExplanation of(FeatureMaps input, ConvKernel kernel, ConvParams p, int n, int o, int i, int j) {
    java.util.ArrayList<WindowTerm> terms = new java.util.ArrayList<>();
    for (int c = 0; c < kernel.inChannels(); c++) {
      for (int u = 0; u < kernel.height(); u++) {
        for (int v = 0; v < kernel.width(); v++) {
          int row = i * p.strideH() - p.padH() + u * p.dilationH();
          int col = j * p.strideW() - p.padW() + v * p.dilationW();
          boolean pad = row < 0 || col < 0 || row >= input.height() || col >= input.width();
          float x = pad ? 0 : input.value(n, c, row, col);
          terms.add(new WindowTerm(c, row, col, u, v, x, kernel.weight(o, c, u, v), pad));
        }
      }
    }
    return new WindowExplanation(o, i, j, terms, kernel.bias()[o]);
  }
}
