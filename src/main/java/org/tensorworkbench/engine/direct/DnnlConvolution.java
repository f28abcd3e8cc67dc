package org.tensorworkbench.engine.direct;

import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_backward_data_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_backward_weights_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_direct;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_hwio;
import static org.bytedeco.dnnl.global.dnnl.dnnl_nhwc;
import static org.bytedeco.dnnl.global.dnnl.dnnl_x;

import org.bytedeco.dnnl.dnnl_convolution_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.javacpp.Pointer;

/**
 * oneDNN's convolution for one shape, in FLOAT, on channels-last activations: forward, backward
 * to the input and backward to the weights and bias, each a primitive made once and executed
 * for every minibatch of that shape.
 *
 * <p>y[e, i, j, o] = b[o] + Σ_{kh, kw, c} W[kh, kw, c, o] · x[e, i·sH + kh − pH, j·sW + kw − pW, c]
 * with x [n, H, W, C], y [n, oH, oW, O], the weights W [kH, kW, C, O] as SameDiff keeps them
 * (oneDNN's "hwio") and b [O]; the backward passes give ∂L/∂x, ∂L/∂W and ∂L/∂b from ∂L/∂y.
 * Activations stay channels-last (oneDNN's "nhwc") because for LeNet's few channels oneDNN's
 * fast kernels take them as they are, where channels-first data would be reordered at every
 * call (measured: conv2's backward passes 1.4 ms against 4.2 ms through libnd4j's op).
 */
final class DnnlConvolution extends DnnlWeightedPrimitives {
  private final long[] strides;
  private final long[] padding;

  /**
   * @param x the input's shape [n, H, W, C]
   * @param kernel [kH, kW, C, O]
   * @param stride [sH, sW]
   * @param padding [pH, pW] zeros around the input: the output is ⌊(H + 2pH − kH) / sH⌋ + 1 high
   */
  DnnlConvolution(long[] x, long[] kernel, int[] stride, int[] padding, boolean hasBias) {
    // oneDNN's dims are always (n, C, H, W) and (O, C, kH, kW); the tags say how they lie in memory
    super(Dnnl.descriptor(dnnl_nhwc, x[0], x[3], x[1], x[2]),
        Dnnl.descriptor(dnnl_nhwc, x[0], kernel[3],
            Patches.outputSize(x[1], (int) kernel[0], stride[0], padding[0]),
            Patches.outputSize(x[2], (int) kernel[1], stride[1], padding[1])),
        Dnnl.descriptor(dnnl_hwio, kernel[3], kernel[2], kernel[0], kernel[1]),
        new long[] {kernel[3], kernel[2], kernel[0], kernel[1]},
        hasBias ? Dnnl.descriptor(dnnl_x, kernel[3]) : null);
    this.strides = new long[] {stride[0], stride[1]};
    this.padding = new long[] {padding[0], padding[1]};
  }

  // oneDNN checks (H + pL + pR − kH) / sH + 1 = oH in integer division, so the same padding after
  // the last row gives the floor output size too; rows past the last window are never read

  @Override
  Pointer forwardOperation(dnnl_memory_desc_t src, dnnl_memory_desc_t anyWeights, dnnl_memory_desc_t bias, dnnl_memory_desc_t dst) {
    dnnl_convolution_desc_t desc = new dnnl_convolution_desc_t();
    Dnnl.check(dnnl_convolution_forward_desc_init(desc, dnnl_forward_training, dnnl_convolution_direct,
        src, anyWeights, bias, dst, strides, padding, padding), "dnnl_convolution_forward_desc_init");
    return desc;
  }

  @Override
  Pointer backwardDataOperation(dnnl_memory_desc_t src, dnnl_memory_desc_t anyWeights, dnnl_memory_desc_t dst) {
    dnnl_convolution_desc_t desc = new dnnl_convolution_desc_t();
    Dnnl.check(dnnl_convolution_backward_data_desc_init(desc, dnnl_convolution_direct, src, anyWeights, dst,
        strides, padding, padding), "dnnl_convolution_backward_data_desc_init");
    return desc;
  }

  @Override
  Pointer backwardWeightsOperation(dnnl_memory_desc_t src, dnnl_memory_desc_t anyWeights, dnnl_memory_desc_t bias,
      dnnl_memory_desc_t dst) {
    dnnl_convolution_desc_t desc = new dnnl_convolution_desc_t();
    Dnnl.check(dnnl_convolution_backward_weights_desc_init(desc, dnnl_convolution_direct, src, anyWeights, bias, dst,
        strides, padding, padding), "dnnl_convolution_backward_weights_desc_init");
    return desc;
  }
}
