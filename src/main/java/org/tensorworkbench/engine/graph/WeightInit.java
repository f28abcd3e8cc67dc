package org.tensorworkbench.engine.graph;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.spec.Initializer;

/**
 * Initial weight values. They are drawn in Java from a generator seeded by the compile seed and
 * the variable name, so the same spec and seed give the same weights on every backend, and
 * adding a layer does not change the start of the others.
 *
 * <ul>
 *   <li>Xavier/Glorot uniform: U(−a, a), a = gain·√(6 / (fanIn + fanOut)) (Glorot &amp; Bengio 2010).
 *   <li>He/Kaiming normal: N(0, gain²·2 / fanIn) (He et al. 2015).
 *   <li>Normal: N(0, σ²).
 *   <li>Zeros.
 * </ul>
 *
 * For a convolution fanIn = inC·kH·kW and fanOut = outC·kH·kW, as PyTorch computes them.
 */
final class WeightInit {
  private final long seed;
  private final DataType dataType;

  WeightInit(long seed, DataType dataType) {
    this.seed = seed;
    this.dataType = dataType;
  }

  INDArray draw(String name, Initializer init, long fanIn, long fanOut, long... shape) {
    long length = 1;
    for (long d : shape) {
      length *= d;
    }
    Values values = new Values(dataType, Math.toIntExact(length));
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + name.hashCode());
    switch (init.kind()) {
      case XAVIER -> {
        double a = init.gain() * Math.sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < values.length(); i++) {
          values.set(i, (2 * random.nextDouble() - 1) * a);
        }
      }
      case HE -> fillNormal(values, random, init.gain() * Math.sqrt(2.0 / fanIn));
      case NORMAL -> fillNormal(values, random, init.sigma());
      case ZEROS -> { }
    }
    return values.toArray(shape);
  }

  INDArray zeros(long... shape) {
    return Nd4j.zeros(dataType, shape);
  }

  INDArray ones(long... shape) {
    return Nd4j.ones(dataType, shape);
  }

  private static void fillNormal(Values values, SplittableRandom random, double sigma) {
    // Box-Muller: two uniforms give two independent standard normals
    for (int i = 0; i < values.length(); i += 2) {
      double u = 1 - random.nextDouble();
      double v = random.nextDouble();
      double r = Math.sqrt(-2 * Math.log(u)) * sigma;
      values.set(i, r * Math.cos(2 * Math.PI * v));
      if (i + 1 < values.length()) {
        values.set(i + 1, r * Math.sin(2 * Math.PI * v));
      }
    }
  }

  /** A float or double buffer, so FLOAT weights never need a double copy on the heap. */
  private static final class Values {
    private final float[] floats;
    private final double[] doubles;

    Values(DataType type, int length) {
      floats = type == DataType.FLOAT ? new float[length] : null;
      doubles = floats == null ? new double[length] : null;
    }

    int length() {
      return floats != null ? floats.length : doubles.length;
    }

    void set(int i, double v) {
      if (floats != null) {
        floats[i] = (float) v;
      } else {
        doubles[i] = v;
      }
    }

    INDArray toArray(long[] shape) {
      return floats != null ? Nd4j.create(floats, shape, 'c') : Nd4j.create(doubles, shape, 'c');
    }
  }
}
