package org.tensorworkbench.engine.direct;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WORKSPACE;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_get_size;
import static org.bytedeco.dnnl.global.dnnl.dnnl_nhwc;
import static org.bytedeco.dnnl.global.dnnl.dnnl_pooling_avg_exclude_padding;
import static org.bytedeco.dnnl.global.dnnl.dnnl_pooling_max;
import static org.bytedeco.dnnl.global.dnnl.dnnl_pooling_v2_backward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_pooling_v2_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_query_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_workspace_md;

import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_pooling_v2_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * oneDNN's max or average pooling (d2l 7.5) for one shape of channels-last activations
 * x [n, H, W, C] → y [n, oH, oW, C], oH = ⌊(H + 2pH − kH) / sH⌋ + 1, forward and backward, each a
 * primitive made once. Max pooling routes ∂L/∂y to each window's maximum, remembered by the
 * forward pass in oneDNN's workspace; average pooling spreads it evenly over the window's pixels
 * inside the image (padding excluded, as SameDiff's graph divides).
 */
final class DnnlPooling implements AutoCloseable {
  private final Dnnl dnnl = new Dnnl();
  private final Buffers buffers = new Buffers(DataType.FLOAT);
  private final dnnl_primitive forward;
  private final dnnl_primitive backward;
  private final dnnl_memory x;
  private final dnnl_memory y;
  private final dnnl_memory dy;
  private final dnnl_memory dx;
  /** The positions of the maxima for max pooling's backward pass; null for average pooling. */
  private final dnnl_memory workspace;

  /**
   * @param shape the input's [n, H, W, C]
   * @param window [kH, kW]
   * @param stride [sH, sW]
   * @param padding [pH, pW] on each side
   */
  DnnlPooling(boolean max, long[] shape, int[] window, int[] stride, int[] padding) {
    long n = shape[0];
    long h = shape[1];
    long w = shape[2];
    long c = shape[3];
    long oH = Patches.outputSize(h, window[0], stride[0], padding[0]);
    long oW = Patches.outputSize(w, window[1], stride[1], padding[1]);
    dnnl_memory_desc_t src = Dnnl.descriptor(dnnl_nhwc, n, c, h, w);
    dnnl_memory_desc_t dst = Dnnl.descriptor(dnnl_nhwc, n, c, oH, oW);
    long[] kernel = {window[0], window[1]};
    long[] strides = {stride[0], stride[1]};
    long[] dilation = {0, 0}; // oneDNN counts dilation from 0
    // oneDNN checks (H + pL + pR − kH) / sH + 1 = oH in integer division: the same padding after
    // gives the floor output size too, and rows past the last window are never read
    long[] pad = {padding[0], padding[1]};
    int algorithm = max ? dnnl_pooling_max : dnnl_pooling_avg_exclude_padding;
    dnnl_pooling_v2_desc_t forwardDesc = new dnnl_pooling_v2_desc_t();
    Dnnl.check(dnnl_pooling_v2_forward_desc_init(forwardDesc, dnnl_forward_training, algorithm, src, dst,
        strides, kernel, dilation, pad, pad), "dnnl_pooling_v2_forward_desc_init");
    dnnl_primitive_desc forwardDescriptor = dnnl.describe(forwardDesc, null, "pooling forward");
    forward = dnnl.primitive(forwardDescriptor);
    dnnl_pooling_v2_desc_t backwardDesc = new dnnl_pooling_v2_desc_t();
    Dnnl.check(dnnl_pooling_v2_backward_desc_init(backwardDesc, algorithm, src, dst, strides, kernel, dilation, pad, pad),
        "dnnl_pooling_v2_backward_desc_init");
    backward = dnnl.primitive(dnnl.describe(backwardDesc, forwardDescriptor, "pooling backward"));
    x = dnnl.memory(src);
    y = dnnl.memory(dst);
    dy = dnnl.memory(dst);
    dx = dnnl.memory(src);
    if (max) {
      dnnl_memory_desc_t md = dnnl_primitive_desc_query_md(forwardDescriptor, dnnl_query_workspace_md, 0);
      long floats = (dnnl_memory_desc_get_size(md) + Float.BYTES - 1) / Float.BYTES;
      workspace = Dnnl.bind(dnnl.memory(md), buffers.get("workspace", floats));
    } else {
      workspace = null;
    }
  }

  /** y [n, oH, oW, C] from x [n, H, W, C]. */
  void forward(INDArray in, INDArray out) {
    if (workspace != null) {
      dnnl.execute(forward, DNNL_ARG_SRC, Dnnl.bind(x, in), DNNL_ARG_DST, Dnnl.bind(y, out), DNNL_ARG_WORKSPACE, workspace);
    } else {
      dnnl.execute(forward, DNNL_ARG_SRC, Dnnl.bind(x, in), DNNL_ARG_DST, Dnnl.bind(y, out));
    }
  }

  /** ∂L/∂x [n, H, W, C] from ∂L/∂y [n, oH, oW, C], for the input of the last {@link #forward}. */
  void backward(INDArray gradient, INDArray inputGradient) {
    if (workspace != null) {
      dnnl.execute(backward, DNNL_ARG_DIFF_DST, Dnnl.bind(dy, gradient), DNNL_ARG_DIFF_SRC, Dnnl.bind(dx, inputGradient),
          DNNL_ARG_WORKSPACE, workspace);
    } else {
      dnnl.execute(backward, DNNL_ARG_DIFF_DST, Dnnl.bind(dy, gradient), DNNL_ARG_DIFF_SRC, Dnnl.bind(dx, inputGradient));
    }
  }

  @Override
  public void close() {
    dnnl.close();
    buffers.release();
  }
}
