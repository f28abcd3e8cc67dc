package org.tensorworkbench.engine.direct;

import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_inner_product_backward_data_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_inner_product_backward_weights_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_inner_product_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_io;
import static org.bytedeco.dnnl.global.dnnl.dnnl_nc;
import static org.bytedeco.dnnl.global.dnnl.dnnl_x;

import org.bytedeco.dnnl.dnnl_inner_product_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.javacpp.Pointer;

/**
 * oneDNN's inner product (a fully connected layer, d2l 5.1) for one minibatch size, in FLOAT:
 * y = x·W + b with x [n, D], W [D, U] as SameDiff keeps it (oneDNN's "io"), b [U], y [n, U]; and
 * the gradients ∂L/∂x = δ·Wᵀ, ∂L/∂W = xᵀ·δ, ∂L/∂b = Σ_rows δ from δ = ∂L/∂y. ND4J's matrix
 * product op prepares its arguments at every call, which for LeNet's small products cost as much
 * as the products: its first dense layer took 0.31 ms forward and 0.41 ms backward per 128 images
 * that way, 0.11-0.15 and 0.23-0.28 ms this way (per-layer timers in {@code bench}).
 */
final class DnnlInnerProduct extends DnnlWeightedPrimitives {
  /** For x [n, D] and W [D, U]. */
  DnnlInnerProduct(long n, long inputs, long units, boolean hasBias) {
    super(Dnnl.descriptor(dnnl_nc, n, inputs), Dnnl.descriptor(dnnl_nc, n, units),
        Dnnl.descriptor(dnnl_io, units, inputs), new long[] {units, inputs}, hasBias ? Dnnl.descriptor(dnnl_x, units) : null);
  }

  @Override
  Pointer forwardOperation(dnnl_memory_desc_t src, dnnl_memory_desc_t anyWeights, dnnl_memory_desc_t bias, dnnl_memory_desc_t dst) {
    dnnl_inner_product_desc_t desc = new dnnl_inner_product_desc_t();
    Dnnl.check(dnnl_inner_product_forward_desc_init(desc, dnnl_forward_training, src, anyWeights, bias, dst),
        "dnnl_inner_product_forward_desc_init");
    return desc;
  }

  @Override
  Pointer backwardDataOperation(dnnl_memory_desc_t src, dnnl_memory_desc_t anyWeights, dnnl_memory_desc_t dst) {
    dnnl_inner_product_desc_t desc = new dnnl_inner_product_desc_t();
    Dnnl.check(dnnl_inner_product_backward_data_desc_init(desc, src, anyWeights, dst), "dnnl_inner_product_backward_data_desc_init");
    return desc;
  }

  @Override
  Pointer backwardWeightsOperation(dnnl_memory_desc_t src, dnnl_memory_desc_t anyWeights, dnnl_memory_desc_t bias,
      dnnl_memory_desc_t dst) {
    dnnl_inner_product_desc_t desc = new dnnl_inner_product_desc_t();
    Dnnl.check(dnnl_inner_product_backward_weights_desc_init(desc, src, anyWeights, bias, dst),
        "dnnl_inner_product_backward_weights_desc_init");
    return desc;
  }
}
