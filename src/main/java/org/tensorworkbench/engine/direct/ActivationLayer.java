package org.tensorworkbench.engine.direct;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUBp;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SigmoidDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.TanhDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.spec.ActivationSpec;

/**
 * An elementwise activation and its derivative, each one libnd4j op into a reused array:
 * ReLU max(0, x) (LeakyReLU with slope 0), LeakyReLU, σ(x) with σ' = σ(1 − σ), tanh with
 * tanh' = 1 − tanh². The backward ops take the layer's input x and ∂L/∂y.
 */
final class ActivationLayer implements DirectLayer {
  private final ActivationSpec.Function function;
  private final double alpha;
  private final Buffers buffers;

  ActivationLayer(ActivationSpec spec, Buffers buffers) {
    this.function = spec.function();
    this.alpha = function == ActivationSpec.Function.RELU ? 0 : spec.alpha();
    this.buffers = buffers;
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
    switch (function) {
      case SIGMOID -> Nd4j.exec(new Sigmoid(x, y));
      case TANH -> Nd4j.exec(new Tanh(x, y));
      default -> Nd4j.exec(new LeakyReLU(x, y, alpha));
    }
    return y;
  }

  @Override
  public INDArray backward(INDArray x, INDArray y, INDArray dy, boolean inputGradient) {
    if (!inputGradient) {
      return null;
    }
    INDArray dx = buffers.get("dx", x.shape());
    switch (function) {
      case SIGMOID -> Nd4j.exec(new SigmoidDerivative(x, dy, dx));
      case TANH -> Nd4j.exec(new TanhDerivative(x, dy, dx));
      default -> Nd4j.exec(new LeakyReLUBp(x, dy, dx, alpha));
    }
    return dx;
  }

  @Override
  public void release() {
    buffers.release();
  }
}
