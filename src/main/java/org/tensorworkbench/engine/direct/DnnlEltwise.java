package org.tensorworkbench.engine.direct;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.dnnl_a;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_backward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_logistic_use_dst_for_bwd;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_tanh_use_dst_for_bwd;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;

import org.bytedeco.dnnl.dnnl_eltwise_desc_t;
import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * oneDNN's vectorized σ(x) = 1 / (1 + e^−x) or tanh(x) over a FLOAT array of one length, and
 * its derivative from the output, σ' = y (1 − y), tanh' = 1 − y² (oneDNN's "use_dst_for_bwd"
 * algorithms), each a primitive made once. Elementwise, so any shape or layout of that length.
 */
final class DnnlEltwise implements AutoCloseable {
  private final Dnnl dnnl = new Dnnl();
  private final dnnl_primitive forward;
  private final dnnl_primitive backward;
  private final dnnl_memory x;
  private final dnnl_memory y;
  private final dnnl_memory dy;
  private final dnnl_memory dx;

  /** @param sigmoid σ if true, else tanh */
  DnnlEltwise(boolean sigmoid, long length) {
    int algorithm = sigmoid ? dnnl_eltwise_logistic_use_dst_for_bwd : dnnl_eltwise_tanh_use_dst_for_bwd;
    dnnl_memory_desc_t md = Dnnl.descriptor(dnnl_a, length);
    dnnl_eltwise_desc_t forwardDesc = new dnnl_eltwise_desc_t();
    Dnnl.check(dnnl_eltwise_forward_desc_init(forwardDesc, dnnl_forward_training, algorithm, md, 0f, 0f),
        "dnnl_eltwise_forward_desc_init");
    dnnl_primitive_desc forwardDescriptor = dnnl.describe(forwardDesc, null, "eltwise forward");
    forward = dnnl.primitive(forwardDescriptor);
    dnnl_eltwise_desc_t backwardDesc = new dnnl_eltwise_desc_t();
    Dnnl.check(dnnl_eltwise_backward_desc_init(backwardDesc, algorithm, md, md, 0f, 0f), "dnnl_eltwise_backward_desc_init");
    backward = dnnl.primitive(dnnl.describe(backwardDesc, forwardDescriptor, "eltwise backward"));
    x = dnnl.memory(md);
    y = dnnl.memory(md);
    dy = dnnl.memory(md);
    dx = dnnl.memory(md);
  }

  /** y = f(x); both contiguous, of this length. */
  void forward(INDArray in, INDArray out) {
    dnnl.execute(forward, DNNL_ARG_SRC, Dnnl.bind(x, in), DNNL_ARG_DST, Dnnl.bind(y, out));
  }

  /** ∂L/∂x = ∂L/∂y · f'(x), f' from the forward pass's output y. */
  void backward(INDArray out, INDArray gradient, INDArray inputGradient) {
    dnnl.execute(backward, DNNL_ARG_DST, Dnnl.bind(y, out), DNNL_ARG_DIFF_DST, Dnnl.bind(dy, gradient),
        DNNL_ARG_DIFF_SRC, Dnnl.bind(dx, inputGradient));
  }

  @Override
  public void close() {
    dnnl.close();
  }
}
