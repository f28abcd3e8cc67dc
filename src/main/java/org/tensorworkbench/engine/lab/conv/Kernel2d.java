package org.tensorworkbench.engine.lab.conv;

import java.util.Arrays;
import java.util.Locale;

/**
 * One 2-D kernel, the editable grid of the Kernel Lab: {@code rows x cols} weights, row-major.
 * The text form is the command line's: rows separated by {@code ;}, weights by {@code ,}, e.g.
 * {@code "1,-1"} for d2l's edge detector or {@code "0,-1,0;-1,5,-1;0,-1,0"} for sharpen.
 */
public record Kernel2d(int rows, int cols, float[] weights) {
  /** The largest kernel side the lab accepts. */
  public static final int MAX_SIDE = 15;

  public Kernel2d {
    if (rows < 1 || cols < 1 || rows > MAX_SIDE || cols > MAX_SIDE) {
      throw new ConvLabException("kernels.error.kernelSize", rows, cols, MAX_SIDE);
    }
    if (weights.length != rows * cols) {
      throw new IllegalArgumentException(weights.length + " weights for a " + rows + "x" + cols + " kernel");
    }
    weights = weights.clone();
  }

  public static Kernel2d zeros(int rows, int cols) {
    return new Kernel2d(rows, cols, new float[rows * cols]);
  }

  public float at(int row, int col) {
    return weights[row * cols + col];
  }

  /** A copy with one weight changed: the grid editor's edit. */
  public Kernel2d with(int row, int col, float value) {
    float[] w = weights.clone();
    w[row * cols + col] = value;
    return new Kernel2d(rows, cols, w);
  }

  /** A copy of another size keeping the overlapping top-left weights. */
  public Kernel2d resized(int newRows, int newCols) {
    float[] w = new float[newRows * newCols];
    for (int r = 0; r < Math.min(rows, newRows); r++) {
      for (int c = 0; c < Math.min(cols, newCols); c++) {
        w[r * newCols + c] = at(r, c);
      }
    }
    return new Kernel2d(newRows, newCols, w);
  }

  /** Rows become columns: Sobel x becomes Sobel y, [1, −1] becomes [1; −1]. */
  public Kernel2d transpose() {
    float[] w = new float[weights.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        w[c * rows + r] = at(r, c);
      }
    }
    return new Kernel2d(cols, rows, w);
  }

  public float sum() {
    float s = 0;
    for (float v : weights) {
      s += v;
    }
    return s;
  }

  /** Parses {@code "1,-1;0,2"}; every row must have the same number of weights. */
  public static Kernel2d parse(String text) {
    String[] rowTexts = text.trim().split(";");
    int cols = -1;
    float[] w = null;
    for (int r = 0; r < rowTexts.length; r++) {
      String[] cells = rowTexts[r].trim().split("[,\\s]+");
      if (cols < 0) {
        cols = cells.length;
        w = new float[rowTexts.length * cols];
      } else if (cells.length != cols) {
        throw new ConvLabException("kernels.error.kernelRagged", r + 1, cells.length, cols);
      }
      for (int c = 0; c < cols; c++) {
        try {
          w[r * cols + c] = Float.parseFloat(cells[c]);
        } catch (NumberFormatException e) {
          throw new ConvLabException(e, "kernels.error.kernelNumber", cells[c]);
        }
      }
    }
    return new Kernel2d(rowTexts.length, cols, w);
  }

  /** The text form {@link #parse} reads back. */
  public String format() {
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < rows; r++) {
      if (r > 0) {
        sb.append(';');
      }
      for (int c = 0; c < cols; c++) {
        if (c > 0) {
          sb.append(',');
        }
        sb.append(formatWeight(at(r, c)));
      }
    }
    return sb.toString();
  }

  /** A weight with at most four decimals and no trailing zeros: 1, -0.5, 0.0625. */
  public static String formatWeight(float v) {
    String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    return "-0".equals(s) ? "0" : s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Kernel2d k && k.rows == rows && k.cols == cols && Arrays.equals(k.weights, weights);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "Kernel2d[" + format() + "]";
  }
}
