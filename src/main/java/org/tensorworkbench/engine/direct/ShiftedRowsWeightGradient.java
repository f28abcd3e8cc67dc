package org.tensorworkbench.engine.direct;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * ∂L/∂W and ∂L/∂b of a stride-1 convolution in FLOAT with few weights (a network's first layer,
 * such as LeNet's 5×5×1×6), computed in Java on padded rows so that the JIT vectorizes it:
 * ∂L/∂W[kh, kw, c, o] = Σ_{e, i, j} x[e, c, i + kh − pH, j + kw − pW] · ∂L/∂y[e, o, i, j] and
 * ∂L/∂b[o] = Σ_{e, i, j} ∂L/∂y[e, o, i, j].
 *
 * <p>Each example's channels are copied into zero-bordered rows of the padded width
 * Wp = W + 2pW, and its output gradient into rows of the same width (zero past oW). A tap (kh, kw)
 * then pairs ∂L/∂y at flat position q = i·Wp + j with the padded input at q + kh·Wp + kw, so every
 * tap is one copy of the shifted input row and one multiply-add per output channel over the
 * contiguous positions q &lt; oH·Wp into a running row of partial sums (the positions j ≥ oW add
 * zeros). The rows of partial sums are summed once per minibatch.
 * For LeNet's first layer this took a third of the time of gathering patches and one BLAS product
 * with their long, thin shapes ([25, 200704]·[200704, 6]). The sums run in a fixed order: the same
 * input gives the same bits.
 */
final class ShiftedRowsWeightGradient {
  /** Partial-sum rows beyond this many floats (1 MB) would not stay in the core's cache. */
  private static final long MAX_PARTIAL_SUMS = 1 << 18;

  private final int c;
  private final int outC;
  private final int h;
  private final int w;
  private final int kH;
  private final int kW;
  private final int pH;
  private final int pW;
  private final int paddedW;
  private final int oH;
  private final int oW;
  private final int positions;
  private final float[][] paddedX; // [C][Hp·Wp + kW]
  private final float[][] paddedDy; // [O][oH·Wp]
  private final float[][] partial; // [(o·C + c)·kH·kW + kh·kW + kw][oH·Wp]
  private final float[][] partialBias; // [O][oH·Wp]
  private final float[] image; // x[e] [C·H·W]
  private final float[] gradient; // ∂L/∂y[e] [O·oH·oW]
  private final float[] shifted; // one tap's input [oH·Wp]

  private ShiftedRowsWeightGradient(int c, int outC, int h, int w, int kH, int kW, int pH, int pW) {
    this.c = c;
    this.outC = outC;
    this.h = h;
    this.w = w;
    this.kH = kH;
    this.kW = kW;
    this.pH = pH;
    this.pW = pW;
    this.paddedW = w + 2 * pW;
    this.oH = h + 2 * pH - kH + 1;
    this.oW = paddedW - kW + 1;
    this.positions = oH * paddedW;
    this.paddedX = new float[c][(h + 2 * pH) * paddedW + kW];
    this.paddedDy = new float[outC][positions];
    this.partial = new float[outC * c * kH * kW][positions];
    this.partialBias = new float[outC][positions];
    this.image = new float[c * h * w];
    this.gradient = new float[outC * oH * oW];
    this.shifted = new float[positions];
  }

  /**
   * A kernel for FLOAT inputs [n, c, h, w] and weights [kH, kW, c, outC] at stride 1, or null if
   * the data type is not FLOAT or its partial sums would be too large.
   */
  static ShiftedRowsWeightGradient forShape(DataType type, int c, int outC, int h, int w, int kH, int kW, int pH,
      int pW) {
    long oH = h + 2L * pH - kH + 1;
    long sums = (long) outC * (c * kH * kW + 1) * oH * (w + 2L * pW);
    if (type != DataType.FLOAT || oH < 1 || w + 2L * pW - kW + 1 < 1 || sums > MAX_PARTIAL_SUMS) {
      return null;
    }
    return new ShiftedRowsWeightGradient(c, outC, h, w, kH, kW, pH, pW);
  }

  /**
   * Overwrites dw [kH, kW, C, O] and db [O] (or not, if null) from x [n, C, H, W] and dy
   * [n, O, oH, oW], all contiguous in c order.
   */
  void compute(INDArray x, INDArray dy, INDArray dw, INDArray db) {
    int n = (int) x.size(0);
    FloatBuffer xs = x.data().asNioFloat();
    FloatBuffer dys = dy.data().asNioFloat();
    int xOffset = (int) x.offset();
    int dyOffset = (int) dy.offset();
    for (float[] row : partial) {
      java.util.Arrays.fill(row, 0f);
    }
    for (float[] row : partialBias) {
      java.util.Arrays.fill(row, 0f);
    }
    for (int e = 0; e < n; e++) {
      xs.get(xOffset + e * image.length, image, 0, image.length);
      dys.get(dyOffset + e * gradient.length, gradient, 0, gradient.length);
      for (int ch = 0; ch < c; ch++) {
        for (int i = 0; i < h; i++) {
          System.arraycopy(image, (ch * h + i) * w, paddedX[ch], (i + pH) * paddedW + pW, w);
        }
      }
      for (int o = 0; o < outC; o++) {
        for (int i = 0; i < oH; i++) {
          System.arraycopy(gradient, (o * oH + i) * oW, paddedDy[o], i * paddedW, oW);
        }
      }
      for (int o = 0; o < outC; o++) {
        add(partialBias[o], paddedDy[o], positions);
      }
      for (int ch = 0; ch < c; ch++) {
        for (int kh = 0; kh < kH; kh++) {
          for (int kw = 0; kw < kW; kw++) {
            // the tap's input as a row of its own: a shifted read in the loop below would keep
            // the JIT from vectorizing it (it cannot rule out that the arrays overlap)
            System.arraycopy(paddedX[ch], kh * paddedW + kw, shifted, 0, positions);
            for (int o = 0; o < outC; o++) {
              multiplyAdd(partial[((o * c + ch) * kH + kh) * kW + kw], paddedDy[o], shifted, positions);
            }
          }
        }
      }
    }
    for (int o = 0; o < outC; o++) {
      for (int ch = 0; ch < c; ch++) {
        for (int kh = 0; kh < kH; kh++) {
          for (int kw = 0; kw < kW; kw++) {
            dw.putScalar(new long[] {kh, kw, ch, o}, sum(partial[((o * c + ch) * kH + kh) * kW + kw]));
          }
        }
      }
      if (db != null) {
        db.putScalar(o, sum(partialBias[o]));
      }
    }
  }

  /** s[q] += g[q] for q &lt; length (a loop the JIT turns into vector instructions). */
  private static void add(float[] s, float[] g, int length) {
    for (int q = 0; q < length; q++) {
      s[q] += g[q];
    }
  }

  /** s[q] += g[q] · x[q] for q &lt; length (a loop the JIT turns into vector instructions). */
  private static void multiplyAdd(float[] s, float[] g, float[] x, int length) {
    for (int q = 0; q < length; q++) {
      s[q] += g[q] * x[q];
    }
  }

  private static double sum(float[] row) {
    double total = 0;
    for (float v : row) {
      total += v;
    }
    return total;
  }
}
