package org.tensorworkbench.engine.direct;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * im2col and col2im for one convolution geometry (d2l 7.2 computed as a matrix product).
 *
 * <p>The patch matrix P has one row per kernel tap (kh, kw, c), in the order of SameDiff's
 * weights [kH, kW, C, O], and one column per output pixel (e, oh, ow) of the batch:
 * P[(kh·kW + kw)·C + c, (e·oH + oh)·oW + ow] = x[e, c, oh·sH + kh − pH, ow·sW + kw − pW], zero
 * outside the image. The image is laid out NCHW, or any layout whose rows are contiguous: only
 * the strides of e and c are given.
 */
final class Patches {
  private final int kH;
  private final int kW;
  private final int sH;
  private final int sW;
  private final int pH;
  private final int pW;

  Patches(int kH, int kW, int sH, int sW, int pH, int pW) {
    this.kH = kH;
    this.kW = kW;
    this.sH = sH;
    this.sW = sW;
    this.pH = pH;
    this.pW = pW;
  }

  /** ⌊(in + 2p − k) / s⌋ + 1. */
  static int outputSize(long in, int kernel, int stride, int padding) {
    return Math.toIntExact((in + 2L * padding - kernel) / stride + 1);
  }

  /**
   * Fills {@code p} [kH·kW·C, n·oH·oW] from the image {@code x}.
   *
   * @param strideE distance between two examples in x; strideC between two channels
   */
  void im2col(INDArray x, int n, int c, int h, int w, long strideE, long strideC, INDArray p) {
    int oH = outputSize(h, kH, sH, pH);
    int oW = outputSize(w, kW, sW, pW);
    Lanes lanes = Lanes.between(x, p);
    long plane = (long) oH * oW;
    long row = 0;
    for (int kh = 0; kh < kH; kh++) {
      for (int kw = 0; kw < kW; kw++) {
        // output columns whose input column ow·sW + kw − pW lies inside [0, w)
        int first = Math.max(0, ceilDiv(pW - kw, sW));
        int last = Math.min(oW, ceilDiv(w + pW - kw, sW)); // exclusive
        for (int ch = 0; ch < c; ch++, row++) {
          long rowStart = row * n * plane;
          for (int e = 0; e < n; e++) {
            long image = e * strideE + ch * strideC;
            long at = rowStart + e * plane;
            for (int oh = 0; oh < oH; oh++, at += oW) {
              int ih = oh * sH + kh - pH;
              if (ih < 0 || ih >= h || first >= last) {
                lanes.zero(at, oW);
                continue;
              }
              lanes.zero(at, first);
              lanes.copy(image + (long) ih * w + (long) first * sW + kw - pW, sW, at + first, last - first);
              lanes.zero(at + last, oW - last);
            }
          }
        }
      }
    }
  }

  private static int ceilDiv(int a, int b) {
    return -Math.floorDiv(-a, b);
  }
}
