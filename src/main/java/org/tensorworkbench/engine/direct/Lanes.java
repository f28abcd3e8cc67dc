package org.tensorworkbench.engine.direct;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs of elements copied or zeroed between two arrays' native buffers from Java, with
 * positions relative to each array's offset: what {@link Patches} needs, for FLOAT and DOUBLE.
 * libnd4j's own im2col takes about 60-200 ms for LeNet's first layer at batch 256; these loops,
 * once the JIT has compiled them, about 3 ms.
 */
abstract class Lanes {
  /** dst[dstPos + i] = src[srcPos + i·srcStep], i &lt; length. */
  abstract void copy(long srcPos, int srcStep, long dstPos, int length);

  /** dst[dstPos + i] = 0, i &lt; length. */
  abstract void zero(long dstPos, int length);

  static Lanes between(INDArray src, INDArray dst) {
    if (src.dataType() != dst.dataType()) {
      throw new IllegalArgumentException("mixed data types " + src.dataType() + " and " + dst.dataType());
    }
    return src.dataType() == DataType.DOUBLE ? new Doubles(src, dst) : new Floats(src, dst);
  }

  private static final class Floats extends Lanes {
    private final FloatBuffer src;
    private final FloatBuffer dst;
    private final long srcOffset;
    private final long dstOffset;

    Floats(INDArray from, INDArray to) {
      src = from.data().asNioFloat();
      dst = to.data().asNioFloat();
      srcOffset = from.offset();
      dstOffset = to.offset();
    }

    @Override
    void copy(long srcPos, int srcStep, long dstPos, int length) {
      int s = (int) (srcOffset + srcPos);
      int d = (int) (dstOffset + dstPos);
      if (srcStep == 1) {
        dst.put(d, src, s, length);
      } else {
        for (int i = 0; i < length; i++) {
          dst.put(d + i, src.get(s + i * srcStep));
        }
      }
    }

    @Override
    void zero(long dstPos, int length) {
      int d = (int) (dstOffset + dstPos);
      for (int i = 0; i < length; i++) {
        dst.put(d + i, 0f);
      }
    }

  }

  private static final class Doubles extends Lanes {
    private final DoubleBuffer src;
    private final DoubleBuffer dst;
    private final long srcOffset;
    private final long dstOffset;

    Doubles(INDArray from, INDArray to) {
      src = from.data().asNioDouble();
      dst = to.data().asNioDouble();
      srcOffset = from.offset();
      dstOffset = to.offset();
    }

    @Override
    void copy(long srcPos, int srcStep, long dstPos, int length) {
      int s = (int) (srcOffset + srcPos);
      int d = (int) (dstOffset + dstPos);
      if (srcStep == 1) {
        dst.put(d, src, s, length);
      } else {
        for (int i = 0; i < length; i++) {
          dst.put(d + i, src.get(s + i * srcStep));
        }
      }
    }

    @Override
    void zero(long dstPos, int length) {
      int d = (int) (dstOffset + dstPos);
      for (int i = 0; i < length; i++) {
        dst.put(d + i, 0.0);
      }
    }

  }
}
