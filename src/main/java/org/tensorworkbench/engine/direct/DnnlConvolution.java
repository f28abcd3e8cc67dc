package org.tensorworkbench.engine.direct;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_backward_data_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_backward_weights_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_direct;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_format_tag_any;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_hwio;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_get_size;
import static org.bytedeco.dnnl.global.dnnl.dnnl_nhwc;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_query_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_diff_weights_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_weights_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_x;

import org.bytedeco.dnnl.dnnl_convolution_desc_t;
import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

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
 * call (measured: conv2's backward passes 1.4 ms against 4.2 ms through libnd4j's op). Only the
 * weights are reordered, into the layouts the primitives chose (a few thousand values).
 */
final class DnnlConvolution implements AutoCloseable {
  private final Dnnl dnnl = new Dnnl();
  private final Buffers buffers = new Buffers(DataType.FLOAT);
  private final long[] strides;
  private final long[] padLeft;
  private final long[] padRight;
  private final dnnl_memory_desc_t src;
  private final dnnl_memory_desc_t dst;
  private final dnnl_memory_desc_t userWeights;
  private final dnnl_memory_desc_t bias;
  private final boolean hasBias;
  /** (O, C, kH, kW) */
  private final long[] weightDims;

  private final dnnl_primitive_desc forwardDescriptor;
  private final dnnl_primitive forward;
  private final dnnl_primitive forwardWeightsReorder;
  private final dnnl_memory srcMemory;
  private final dnnl_memory dstMemory;
  private final dnnl_memory userWeightsMemory;
  private final dnnl_memory forwardWeightsMemory;
  private final dnnl_memory biasMemory;

  private dnnl_primitive backwardData;
  private dnnl_primitive backwardDataWeightsReorder;
  private dnnl_memory backwardDataWeightsMemory;
  private dnnl_memory diffSrcMemory;
  private dnnl_memory diffDstMemory;

  private dnnl_primitive backwardWeights;
  private dnnl_primitive diffWeightsReorder;
  private dnnl_memory diffWeightsMemory;
  private dnnl_memory userDiffWeightsMemory;
  private dnnl_memory diffBiasMemory;

  /**
   * @param x the input's shape [n, H, W, C]
   * @param kernel [kH, kW, C, O]
   * @param stride [sH, sW]
   * @param padding [pH, pW] zeros around the input: the output is ⌊(H + 2pH − kH) / sH⌋ + 1 high
   */
  DnnlConvolution(long[] x, long[] kernel, int[] stride, int[] padding, boolean hasBias) {
    long n = x[0];
    long h = x[1];
    long w = x[2];
    long c = x[3];
    long kH = kernel[0];
    long kW = kernel[1];
    long o = kernel[3];
    long oH = Patches.outputSize(h, (int) kH, stride[0], padding[0]);
    long oW = Patches.outputSize(w, (int) kW, stride[1], padding[1]);
    this.hasBias = hasBias;
    strides = new long[] {stride[0], stride[1]};
    padLeft = new long[] {padding[0], padding[1]};
    // oneDNN checks (H + pL + pR − kH) / sH + 1 = oH in integer division, so the same padding after
    // gives the floor output size too; rows past the last window are never read
    padRight = padLeft;
    // oneDNN's dims are always (n, C, H, W) and (O, C, kH, kW); the tags say how they lie in memory
    src = Dnnl.descriptor(dnnl_nhwc, n, c, h, w);
    dst = Dnnl.descriptor(dnnl_nhwc, n, o, oH, oW);
    userWeights = Dnnl.descriptor(dnnl_hwio, o, c, kH, kW);
    bias = Dnnl.descriptor(dnnl_x, o);
    weightDims = new long[] {o, c, kH, kW};
    dnnl_memory_desc_t anyWeights = Dnnl.descriptor(dnnl_format_tag_any, weightDims);

    dnnl_convolution_desc_t forwardDesc = new dnnl_convolution_desc_t();
    Dnnl.check(dnnl_convolution_forward_desc_init(forwardDesc, dnnl_forward_training, dnnl_convolution_direct,
        src, anyWeights, hasBias ? bias : null, dst, strides, padLeft, padRight), "dnnl_convolution_forward_desc_init");
    forwardDescriptor = dnnl.describe(forwardDesc, null, "convolution forward");
    forward = dnnl.primitive(forwardDescriptor);
    dnnl_memory_desc_t forwardWeights = dnnl_primitive_desc_query_md(forwardDescriptor, dnnl_query_weights_md, 0);
    forwardWeightsReorder = dnnl.reorder(userWeights, forwardWeights);
    srcMemory = dnnl.memory(src);
    dstMemory = dnnl.memory(dst);
    userWeightsMemory = dnnl.memory(userWeights);
    forwardWeightsMemory = forwardWeightsReorder == null ? userWeightsMemory : allocated(forwardWeights, "forwardWeights");
    biasMemory = dnnl.memory(bias);
  }

  /** y = conv(x, W) + b: x [n, H, W, C], weights [kH, kW, C, O], b [O] or null, y [n, oH, oW, O]. */
  void forward(INDArray x, INDArray weights, INDArray b, INDArray y) {
    Dnnl.bind(userWeightsMemory, weights);
    dnnl.reorder(forwardWeightsReorder, userWeightsMemory, forwardWeightsMemory);
    if (hasBias) {
      dnnl.execute(forward, DNNL_ARG_SRC, Dnnl.bind(srcMemory, x), DNNL_ARG_WEIGHTS, forwardWeightsMemory,
          DNNL_ARG_BIAS, Dnnl.bind(biasMemory, b), DNNL_ARG_DST, Dnnl.bind(dstMemory, y));
    } else {
      dnnl.execute(forward, DNNL_ARG_SRC, Dnnl.bind(srcMemory, x), DNNL_ARG_WEIGHTS, forwardWeightsMemory,
          DNNL_ARG_DST, Dnnl.bind(dstMemory, y));
    }
  }

  /** ∂L/∂x [n, H, W, C] from ∂L/∂y [n, oH, oW, O] and the weights [kH, kW, C, O]. */
  void backwardData(INDArray dy, INDArray weights, INDArray dx) {
    if (backwardData == null) {
      dnnl_convolution_desc_t desc = new dnnl_convolution_desc_t();
      Dnnl.check(dnnl_convolution_backward_data_desc_init(desc, dnnl_convolution_direct, src,
          Dnnl.descriptor(dnnl_format_tag_any, weightDims),
          dst, strides, padLeft, padRight), "dnnl_convolution_backward_data_desc_init");
      dnnl_primitive_desc pd = dnnl.describe(desc, forwardDescriptor, "convolution backward data");
      backwardData = dnnl.primitive(pd);
      dnnl_memory_desc_t layout = dnnl_primitive_desc_query_md(pd, dnnl_query_weights_md, 0);
      backwardDataWeightsReorder = dnnl.reorder(userWeights, layout);
      backwardDataWeightsMemory = backwardDataWeightsReorder == null ? userWeightsMemory : allocated(layout, "backwardDataWeights");
      diffSrcMemory = dnnl.memory(src);
      diffDstMemory = dnnl.memory(dst);
    }
    Dnnl.bind(userWeightsMemory, weights);
    dnnl.reorder(backwardDataWeightsReorder, userWeightsMemory, backwardDataWeightsMemory);
    dnnl.execute(backwardData, DNNL_ARG_DIFF_DST, Dnnl.bind(diffDstMemory, dy), DNNL_ARG_WEIGHTS, backwardDataWeightsMemory,
        DNNL_ARG_DIFF_SRC, Dnnl.bind(diffSrcMemory, dx));
  }

  /** ∂L/∂W [kH, kW, C, O] and ∂L/∂b [O] (if the layer has a bias) from x [n, H, W, C] and ∂L/∂y [n, oH, oW, O]. */
  void backwardWeights(INDArray x, INDArray dy, INDArray dw, INDArray db) {
    if (backwardWeights == null) {
      dnnl_convolution_desc_t desc = new dnnl_convolution_desc_t();
      Dnnl.check(dnnl_convolution_backward_weights_desc_init(desc, dnnl_convolution_direct, src,
          Dnnl.descriptor(dnnl_format_tag_any, weightDims),
          hasBias ? bias : null, dst, strides, padLeft, padRight), "dnnl_convolution_backward_weights_desc_init");
      dnnl_primitive_desc pd = dnnl.describe(desc, forwardDescriptor, "convolution backward weights");
      backwardWeights = dnnl.primitive(pd);
      dnnl_memory_desc_t layout = dnnl_primitive_desc_query_md(pd, dnnl_query_diff_weights_md, 0);
      diffWeightsReorder = dnnl.reorder(layout, userWeights);
      userDiffWeightsMemory = dnnl.memory(userWeights);
      diffWeightsMemory = diffWeightsReorder == null ? userDiffWeightsMemory : allocated(layout, "diffWeights");
      diffBiasMemory = dnnl.memory(bias);
      if (diffDstMemory == null) {
        diffDstMemory = dnnl.memory(dst);
      }
    }
    Dnnl.bind(userDiffWeightsMemory, dw);
    if (hasBias) {
      dnnl.execute(backwardWeights, DNNL_ARG_SRC, Dnnl.bind(srcMemory, x), DNNL_ARG_DIFF_DST, Dnnl.bind(diffDstMemory, dy),
          DNNL_ARG_DIFF_WEIGHTS, diffWeightsMemory, DNNL_ARG_DIFF_BIAS, Dnnl.bind(diffBiasMemory, db));
    } else {
      dnnl.execute(backwardWeights, DNNL_ARG_SRC, Dnnl.bind(srcMemory, x), DNNL_ARG_DIFF_DST, Dnnl.bind(diffDstMemory, dy),
          DNNL_ARG_DIFF_WEIGHTS, diffWeightsMemory);
    }
    dnnl.reorder(diffWeightsReorder, diffWeightsMemory, userDiffWeightsMemory);
  }

  /** A memory object of layout {@code md} on a work array of its own. */
  private dnnl_memory allocated(dnnl_memory_desc_t md, String role) {
    long floats = (dnnl_memory_desc_get_size(md) + Float.BYTES - 1) / Float.BYTES;
    return Dnnl.bind(dnnl.memory(md), buffers.get(role, floats));
  }

  @Override
  public void close() {
    dnnl.close();
    buffers.release();
  }
}
