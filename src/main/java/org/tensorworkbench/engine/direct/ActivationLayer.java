package org.tensorworkbench.engine.direct;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUBp;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.spec.ActivationSpec;

/**
 * An elementwise activation and its derivative into reused arrays: ReLU max(0, x) (LeakyReLU with
 * slope 0) and LeakyReLU with libnd4j's ops; tanh and σ(x) = ½ + ½·tanh(x / 2) through libnd4j's
 * {@code tanh} op, which in FLOAT is oneDNN's vectorized one (σ this way took 2 ms for LeNet's
 * first layer, 1.2 M values, against 6-9 ms for libnd4j's own sigmoid, which calls expf once per
 * value). Their derivatives come from the output y, without another exponential:
 * σ' = y (1 − y), tanh' = 1 − y², in one Java pass (2 ms against 15 ms for libnd4j's sigmoid
 * derivative, which recomputes σ from x). In FLOAT with oneDNN, σ and tanh and their derivatives
 * are one primitive each ({@link DnnlEltwise}): LeNet's first σ took 0.33-0.37 ms forward and
 * 0.21-0.29 ms backward per 128 images while training (README's per-layer profile), against
 * 0.72 and 0.88 ms the other way in the session before.
 */
final class ActivationLayer implements DirectLayer {
  private final ActivationSpec.Function function;
  private final double alpha;
  private final Buffers buffers;
  /** Array length → oneDNN's σ or tanh for it; null: libnd4j's ops and the Java derivative. */
  private final Map<Long, DnnlEltwise> oneDnn;

  /** @param oneDnn whether σ and tanh run through oneDNN's primitives (FLOAT only) */
  ActivationLayer(ActivationSpec spec, boolean oneDnn, Buffers buffers) {
    this.function = spec.function();
    this.alpha = function == ActivationSpec.Function.RELU ? 0 : spec.alpha();
    this.buffers = buffers;
    boolean smooth = function == ActivationSpec.Function.SIGMOID || function == ActivationSpec.Function.TANH;
    this.oneDnn = oneDnn && smooth ? new HashMap<>() : null;
  }

  /** Whether {@code function} has a direct implementation (GELU and softmax do not). */
  static boolean supports(ActivationSpec.Function function) {
    return switch (function) {
      case RELU, LEAKY_RELU, SIGMOID, TANH -> true;
      case GELU, SOFTMAX -> false;
    };
  }

  @Override
  public INDArray forward(INDArray x) {
    INDArray y = buffers.get("y", x.shape());
    if (oneDnn != null) {
      eltwise(x.length()).forward(Dnnl.dense(x) ? x : x.dup('c'), y);
      return y;
    }
    switch (function) {
      case SIGMOID -> {
        Nd4j.exec(new ScalarMultiplication(x, null, y, 0.5));
        tanhInPlace(y);
        y.muli(0.5).addi(0.5);
      }
      case TANH -> {
        y.assign(x);
        tanhInPlace(y);
      }
      default -> Nd4j.exec(new LeakyReLU(x, y, alpha));
    }
    return y;
  }

  private DnnlEltwise eltwise(long length) {
    return oneDnn.computeIfAbsent(length, n -> new DnnlEltwise(function == ActivationSpec.Function.SIGMOID, n));
  }

  private static void tanhInPlace(INDArray y) {
    Nd4j.exec(DynamicCustomOp.builder("tanh").addInputs(y).addOutputs(y).build());
  }

  @Override
  public INDArray backward(INDArray x, INDArray y, INDArray dy, boolean inputGradient) {
    if (!inputGradient) {
      return null;
    }
    INDArray dx = buffers.get("dx", x.shape());
    if (oneDnn != null) {
      eltwise(x.length()).backward(y, Dnnl.dense(dy) ? dy : dy.dup('c'), dx);
      return dx;
    }
    switch (function) {
      case SIGMOID, TANH -> fromOutput(y, dy.reshape(y.shape()), dx, function == ActivationSpec.Function.SIGMOID);
      default -> Nd4j.exec(new LeakyReLUBp(x, dy, dx, alpha));
    }
    return dx;
  }

  /** dx = dy · y (1 − y) for σ, dx = dy · (1 − y²) for tanh; all three arrays contiguous, c order. */
  private static void fromOutput(INDArray y, INDArray dy, INDArray dx, boolean sigmoid) {
    if (!Shape.hasDefaultStridesForShape(dy)) {
      dy = dy.dup('c');
    }
    int n = Math.toIntExact(y.length());
    if (y.dataType() == DataType.FLOAT) {
      FloatBuffer ys = y.data().asNioFloat();
      FloatBuffer dys = dy.data().asNioFloat();
      FloatBuffer dxs = dx.data().asNioFloat();
      int oy = (int) y.offset();
      int ody = (int) dy.offset();
      int odx = (int) dx.offset();
      for (int i = 0; i < n; i++) {
        float v = ys.get(oy + i);
        dxs.put(odx + i, dys.get(ody + i) * (sigmoid ? v * (1 - v) : 1 - v * v));
      }
    } else {
      DoubleBuffer ys = y.data().asNioDouble();
      DoubleBuffer dys = dy.data().asNioDouble();
      DoubleBuffer dxs = dx.data().asNioDouble();
      int oy = (int) y.offset();
      int ody = (int) dy.offset();
      int odx = (int) dx.offset();
      for (int i = 0; i < n; i++) {
        double v = ys.get(oy + i);
        dxs.put(odx + i, dys.get(ody + i) * (sigmoid ? v * (1 - v) : 1 - v * v));
      }
    }
  }

  @Override
  public void release() {
    if (oneDnn != null) {
      oneDnn.values().forEach(DnnlEltwise::close);
      oneDnn.clear();
    }
    buffers.release();
  }
}
