package org.tensorworkbench.engine.direct;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * The small elementwise and row-wise steps of the dense layers and the loss, as Java loops over
 * the arrays' native buffers (FLOAT or DOUBLE, c order, contiguous). Each is one pass over an
 * [n, U] matrix; as libnd4j ops each cost 50-160 µs at batch 256 × 256 (broadcast add, column
 * sum, the ReLU derivative's per-element std::function, the softmax with its subtraction and
 * division), as loops 10-30 µs, which made them over a third of an MLP minibatch's time.
 */
final class RowKernels {
  private RowKernels() {}

  /** Whether the kernels handle {@code type}: FLOAT and DOUBLE. */
  static boolean supports(DataType type) {
    return type == DataType.FLOAT || type == DataType.DOUBLE;
  }

  /**
   * y ← y + b row by row, then max(0, ·) if {@code relu}: y [n, U], b [U]. A NaN stays NaN, so a
   * diverging run is still seen as one.
   */
  static void addBias(INDArray y, INDArray b, boolean relu) {
    dense(y);
    dense(b);
    int n = rows(y);
    int u = columns(y);
    if (y.dataType() == DataType.DOUBLE) {
      DoubleBuffer yb = doubles(y);
      DoubleBuffer bb = doubles(b);
      int yo = (int) y.offset();
      int bo = (int) b.offset();
      for (int i = 0; i < n; i++) {
        int row = yo + i * u;
        for (int j = 0; j < u; j++) {
          double v = yb.get(row + j) + bb.get(bo + j);
          yb.put(row + j, relu && v < 0 ? 0.0 : v);
        }
      }
    } else {
      FloatBuffer yb = floats(y);
      FloatBuffer bb = floats(b);
      int yo = (int) y.offset();
      int bo = (int) b.offset();
      for (int i = 0; i < n; i++) {
        int row = yo + i * u;
        for (int j = 0; j < u; j++) {
          float v = yb.get(row + j) + bb.get(bo + j);
          yb.put(row + j, relu && v < 0 ? 0f : v);
        }
      }
    }
  }

  /** y ← max(0, y) for y [n, U] (a layer without bias). */
  static void relu(INDArray y) {
    dense(y);
    int length = (int) y.length();
    if (y.dataType() == DataType.DOUBLE) {
      DoubleBuffer yb = doubles(y);
      int yo = (int) y.offset();
      for (int i = yo; i < yo + length; i++) {
        if (yb.get(i) < 0) {
          yb.put(i, 0.0);
        }
      }
    } else {
      FloatBuffer yb = floats(y);
      int yo = (int) y.offset();
      for (int i = yo; i < yo + length; i++) {
        if (yb.get(i) < 0) {
          yb.put(i, 0f);
        }
      }
    }
  }

  /**
   * The ReLU's backward pass from its output: out = dy where y &gt; 0, else 0 (max(0, z) has slope 1
   * where its output is positive and 0 elsewhere, as libnd4j's relu_bp takes it at 0). All [n, U].
   */
  static void reluGradient(INDArray y, INDArray dy, INDArray out) {
    dense(y);
    dense(dy);
    dense(out);
    int length = (int) y.length();
    if (y.dataType() == DataType.DOUBLE) {
      DoubleBuffer yb = doubles(y);
      DoubleBuffer db = doubles(dy);
      DoubleBuffer ob = doubles(out);
      int yo = (int) y.offset();
      int dyo = (int) dy.offset();
      int oo = (int) out.offset();
      for (int i = 0; i < length; i++) {
        ob.put(oo + i, yb.get(yo + i) > 0 ? db.get(dyo + i) : 0.0);
      }
    } else {
      FloatBuffer yb = floats(y);
      FloatBuffer db = floats(dy);
      FloatBuffer ob = floats(out);
      int yo = (int) y.offset();
      int dyo = (int) dy.offset();
      int oo = (int) out.offset();
      for (int i = 0; i < length; i++) {
        ob.put(oo + i, yb.get(yo + i) > 0 ? db.get(dyo + i) : 0f);
      }
    }
  }

  /** out[j] = Σ_i dy[i, j]: dy [n, U], out [U]; the sum runs down each column in row order. */
  static void columnSums(INDArray dy, INDArray out) {
    dense(dy);
    dense(out);
    int n = rows(dy);
    int u = columns(dy);
    if (dy.dataType() == DataType.DOUBLE) {
      DoubleBuffer db = doubles(dy);
      DoubleBuffer ob = doubles(out);
      int dyo = (int) dy.offset();
      int oo = (int) out.offset();
      for (int j = 0; j < u; j++) {
        ob.put(oo + j, 0.0);
      }
      for (int i = 0; i < n; i++) {
        int row = dyo + i * u;
        for (int j = 0; j < u; j++) {
          ob.put(oo + j, ob.get(oo + j) + db.get(row + j));
        }
      }
    } else {
      FloatBuffer db = floats(dy);
      FloatBuffer ob = floats(out);
      int dyo = (int) dy.offset();
      int oo = (int) out.offset();
      for (int j = 0; j < u; j++) {
        ob.put(oo + j, 0f);
      }
      for (int i = 0; i < n; i++) {
        int row = dyo + i * u;
        for (int j = 0; j < u; j++) {
          ob.put(oo + j, ob.get(oo + j) + db.get(row + j));
        }
      }
    }
  }

  /**
   * dz = (softmax(z) − y) / n row by row, softmax(z)_k = exp(z_k − max z) / Σ exp(z − max z)
   * (the max subtracted so no exponential overflows): z, y, dz [n, K].
   */
  static void softmaxCrossEntropyGradient(INDArray z, INDArray y, INDArray dz) {
    dense(z);
    dense(y);
    dense(dz);
    int n = rows(z);
    int k = columns(z);
    int zo = (int) z.offset();
    int yo = (int) y.offset();
    int dzo = (int) dz.offset();
    if (z.dataType() == DataType.DOUBLE) {
      DoubleBuffer zb = doubles(z);
      DoubleBuffer yb = doubles(y);
      DoubleBuffer db = doubles(dz);
      for (int i = 0; i < n; i++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
          max = Math.max(max, zb.get(zo + i * k + j));
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
          double e = Math.exp(zb.get(zo + i * k + j) - max);
          db.put(dzo + i * k + j, e);
          sum += e;
        }
        for (int j = 0; j < k; j++) {
          db.put(dzo + i * k + j, (db.get(dzo + i * k + j) / sum - yb.get(yo + i * k + j)) / n);
        }
      }
    } else {
      FloatBuffer zb = floats(z);
      FloatBuffer yb = floats(y);
      FloatBuffer db = floats(dz);
      for (int i = 0; i < n; i++) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
          max = Math.max(max, zb.get(zo + i * k + j));
        }
        float sum = 0;
        for (int j = 0; j < k; j++) {
          float e = (float) Math.exp(zb.get(zo + i * k + j) - max);
          db.put(dzo + i * k + j, e);
          sum += e;
        }
        for (int j = 0; j < k; j++) {
          db.put(dzo + i * k + j, (db.get(dzo + i * k + j) / sum - yb.get(yo + i * k + j)) / n);
        }
      }
    }
  }

  /** Checks that {@code a} is a dense c-order block the loops can index as [rows, columns]. */
  static INDArray dense(INDArray a) {
    if (a.ordering() != 'c' || !Shape.hasDefaultStridesForShape(a) || !supports(a.dataType())) {
      throw new IllegalArgumentException("not a dense c-order FLOAT or DOUBLE array: " + a.shapeInfoToString());
    }
    return a;
  }

  private static int rows(INDArray a) {
    return (int) a.size(0);
  }

  private static int columns(INDArray a) {
    return (int) (a.length() / Math.max(1, a.size(0)));
  }

  private static FloatBuffer floats(INDArray a) {
    return a.data().asNioFloat();
  }

  private static DoubleBuffer doubles(INDArray a) {
    return a.data().asNioDouble();
  }
}
