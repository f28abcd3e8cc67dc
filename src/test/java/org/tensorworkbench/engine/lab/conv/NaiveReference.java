package org.tensorworkbench.engine.lab.conv;

import java.util.Random;

/** Textbook loops for cross-correlation and pooling, written independently of the engine. */
final class NaiveReference {
  private NaiveReference() {}

  /** y[n,o,i,j] = b[o] + Σ_c Σ_u Σ_v x[n, c, i·s − p + u·d, j·s − p + v·d] · w[o,c,u,v], zeros outside. */
  static double[] crossCorrelate(FeatureMaps x, ConvKernel k, ConvParams p, int outH, int outW) {
    double[] y = new double[x.batch() * k.outChannels() * outH * outW];
    int idx = 0;
    for (int n = 0; n < x.batch(); n++) {
      for (int o = 0; o < k.outChannels(); o++) {
        for (int i = 0; i < outH; i++) {
          for (int j = 0; j < outW; j++) {
            double s = k.bias()[o];
            for (int c = 0; c < k.inChannels(); c++) {
              for (int u = 0; u < k.height(); u++) {
                for (int v = 0; v < k.width(); v++) {
                  int r = i * p.strideH() - p.padH() + u * p.dilationH();
                  int q = j * p.strideW() - p.padW() + v * p.dilationW();
                  if (r >= 0 && q >= 0 && r < x.height() && q < x.width()) {
                    s += (double) x.value(n, c, r, q) * k.weight(o, c, u, v);
                  }
                }
              }
            }
            y[idx++] = s;
          }
        }
      }
    }
    return y;
  }

  static double[] pool(FeatureMaps x, PoolSpec spec, int outH, int outW) {
    double[] y = new double[x.batch() * x.channels() * outH * outW];
    int idx = 0;
    for (int n = 0; n < x.batch(); n++) {
      for (int c = 0; c < x.channels(); c++) {
        for (int i = 0; i < outH; i++) {
          for (int j = 0; j < outW; j++) {
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int u = 0; u < spec.window(); u++) {
              for (int v = 0; v < spec.window(); v++) {
                double val = x.value(n, c, i * spec.stride() + u, j * spec.stride() + v);
                max = Math.max(max, val);
                sum += val;
              }
            }
            y[idx++] = spec.type() == PoolSpec.Type.MAX ? max : sum / (spec.window() * spec.window());
          }
        }
      }
    }
    return y;
  }

  static FeatureMaps random(Random random, int n, int c, int h, int w) {
    float[] d = new float[n * c * h * w];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) random.nextGaussian();
    }
    return new FeatureMaps(n, c, h, w, d);
  }

  static ConvKernel randomKernel(Random random, int o, int c, int kh, int kw, boolean bias) {
    float[] w = new float[o * c * kh * kw];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) random.nextGaussian();
    }
    float[] b = new float[o];
    for (int i = 0; i < o && bias; i++) {
      b[i] = (float) random.nextGaussian();
    }
    return new ConvKernel(o, c, kh, kw, w, b);
  }
}
