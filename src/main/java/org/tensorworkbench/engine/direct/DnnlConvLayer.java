package org.tensorworkbench.engine.direct;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The 2-D convolution of {@link ConvLayer} (d2l 7.2) on channels-last activations x [n, H, W, C]
 * → y [n, oH, oW, O], computed by oneDNN's primitives made once per minibatch size
 * ({@link DnnlConvolution}); FLOAT only. The weights W [kH, kW, C, O] and bias b [O] are SameDiff's
 * arrays, trained in place. The first trainable layer skips ∂L/∂x.
 */
final class DnnlConvLayer implements DirectLayer {
  private final INDArray w; // [kH, kW, C, O]
  private final INDArray b; // [O] or null
  private final int[] stride;
  private final int[] padding;
  private final List<Parameter> parameters;
  private final Buffers buffers;
  /** Minibatch size → its primitives: full minibatches, the last shorter one, evaluation's. */
  private final Map<Long, DnnlConvolution> bySize = new HashMap<>();

  DnnlConvLayer(String weightsName, INDArray w, String biasName, INDArray b, int sH, int sW, int pH, int pW) {
    this.w = w;
    this.b = b;
    this.stride = new int[] {sH, sW};
    this.padding = new int[] {pH, pW};
    this.buffers = new Buffers(w.dataType());
    this.parameters = Parameter.weightsAndBias(weightsName, w, biasName, b);
  }

  @Override
  public INDArray forward(INDArray input) {
    INDArray x = Dnnl.dense(input) ? input : input.dup('c'); // [n, H, W, C]
    INDArray y = buffers.get("y", x.size(0), // [n, oH, oW, O]
        Patches.outputSize(x.size(1), (int) w.size(0), stride[0], padding[0]),
        Patches.outputSize(x.size(2), (int) w.size(1), stride[1], padding[1]), w.size(3));
    convolution(x).forward(x, w, b, y);
    return y;
  }

  @Override
  public INDArray backward(INDArray input, INDArray y, INDArray gradient, boolean inputGradient) {
    INDArray x = Dnnl.dense(input) ? input : input.dup('c'); // [n, H, W, C]
    INDArray dy = Dnnl.dense(gradient) ? gradient : gradient.dup('c'); // [n, oH, oW, O]
    DnnlConvolution convolution = convolution(x);
    convolution.backwardWeights(x, dy, parameters.get(0).gradient(), b == null ? null : parameters.get(1).gradient());
    if (!inputGradient) {
      return null;
    }
    INDArray dx = buffers.get("dx", x.shape()); // [n, H, W, C]
    convolution.backwardData(dy, w, dx);
    return dx;
  }

  private DnnlConvolution convolution(INDArray x) {
    return bySize.computeIfAbsent(x.size(0), n -> new DnnlConvolution(x.shape(), w.shape(), stride, padding, b != null));
  }

  @Override
  public List<Parameter> parameters() {
    return parameters;
  }

  @Override
  public void release() {
    bySize.values().forEach(DnnlConvolution::close);
    bySize.clear();
    buffers.release();
  }
}
