package org.tensorworkbench.engine.direct;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.dnnl_format_tag_any;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_inner_product_backward_data_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_inner_product_backward_weights_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_inner_product_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_io;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_get_size;
import static org.bytedeco.dnnl.global.dnnl.dnnl_nc;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_query_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_diff_weights_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_weights_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_x;

import org.bytedeco.dnnl.dnnl_inner_product_desc_t;
import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * oneDNN's inner product (a fully connected layer, d2l 5.1) for one minibatch size, in FLOAT:
 * y = x·W + b with x [n, D], W [D, U] as SameDiff keeps it (oneDNN's "io"), b [U], y [n, U]; and
 * the gradients ∂L/∂x = δ·Wᵀ, ∂L/∂W = xᵀ·δ, ∂L/∂b = Σ_rows δ from δ = ∂L/∂y. Each pass is a
 * primitive made once; a call costs microseconds where ND4J's matrix product op, which prepares
 * its arguments at every call, cost about 0.1 ms, as much as LeNet's products themselves.
 */
final class DnnlInnerProduct implements AutoCloseable {
  private final Dnnl dnnl = new Dnnl();
  private final Buffers buffers = new Buffers(DataType.FLOAT);
  private final boolean hasBias;
  private final long[] weightDims;
  private final dnnl_memory_desc_t src;
  private final dnnl_memory_desc_t dst;
  private final dnnl_memory_desc_t userWeights;
  private final dnnl_memory_desc_t bias;
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

  /** For x [n, D] and W [D, U]. */
  DnnlInnerProduct(long n, long inputs, long units, boolean hasBias) {
    this.hasBias = hasBias;
    weightDims = new long[] {units, inputs}; // oneDNN's (O, I)
    src = Dnnl.descriptor(dnnl_nc, n, inputs);
    dst = Dnnl.descriptor(dnnl_nc, n, units);
    userWeights = Dnnl.descriptor(dnnl_io, weightDims);
    bias = Dnnl.descriptor(dnnl_x, units);
    dnnl_inner_product_desc_t desc = new dnnl_inner_product_desc_t();
    Dnnl.check(dnnl_inner_product_forward_desc_init(desc, dnnl_forward_training, src,
        Dnnl.descriptor(dnnl_format_tag_any, weightDims), hasBias ? bias : null, dst), "dnnl_inner_product_forward_desc_init");
    forwardDescriptor = dnnl.describe(desc, null, "inner product forward");
    forward = dnnl.primitive(forwardDescriptor);
    dnnl_memory_desc_t layout = dnnl_primitive_desc_query_md(forwardDescriptor, dnnl_query_weights_md, 0);
    forwardWeightsReorder = dnnl.reorder(userWeights, layout);
    srcMemory = dnnl.memory(src);
    dstMemory = dnnl.memory(dst);
    userWeightsMemory = dnnl.memory(userWeights);
    forwardWeightsMemory = forwardWeightsReorder == null ? userWeightsMemory : allocated(layout, "forwardWeights");
    biasMemory = dnnl.memory(bias);
  }

  /** y = x·W + b: x [n, D], weights [D, U], b [U] or null, y [n, U]. */
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

  /** ∂L/∂x [n, D] = δ [n, U] · Wᵀ. */
  void backwardData(INDArray delta, INDArray weights, INDArray dx) {
    if (backwardData == null) {
      dnnl_inner_product_desc_t desc = new dnnl_inner_product_desc_t();
      Dnnl.check(dnnl_inner_product_backward_data_desc_init(desc, src, Dnnl.descriptor(dnnl_format_tag_any, weightDims), dst),
          "dnnl_inner_product_backward_data_desc_init");
      dnnl_primitive_desc pd = dnnl.describe(desc, forwardDescriptor, "inner product backward data");
      backwardData = dnnl.primitive(pd);
      dnnl_memory_desc_t layout = dnnl_primitive_desc_query_md(pd, dnnl_query_weights_md, 0);
      backwardDataWeightsReorder = dnnl.reorder(userWeights, layout);
      backwardDataWeightsMemory = backwardDataWeightsReorder == null ? userWeightsMemory : allocated(layout, "backwardDataWeights");
      diffSrcMemory = dnnl.memory(src);
      if (diffDstMemory == null) {
        diffDstMemory = dnnl.memory(dst);
      }
    }
    Dnnl.bind(userWeightsMemory, weights);
    dnnl.reorder(backwardDataWeightsReorder, userWeightsMemory, backwardDataWeightsMemory);
    dnnl.execute(backwardData, DNNL_ARG_DIFF_DST, Dnnl.bind(diffDstMemory, delta), DNNL_ARG_WEIGHTS, backwardDataWeightsMemory,
        DNNL_ARG_DIFF_SRC, Dnnl.bind(diffSrcMemory, dx));
  }

  /** ∂L/∂W [D, U] = xᵀ·δ and ∂L/∂b [U] = Σ_rows δ (if the layer has a bias). */
  void backwardWeights(INDArray x, INDArray delta, INDArray dw, INDArray db) {
    if (backwardWeights == null) {
      dnnl_inner_product_desc_t desc = new dnnl_inner_product_desc_t();
      Dnnl.check(dnnl_inner_product_backward_weights_desc_init(desc, src, Dnnl.descriptor(dnnl_format_tag_any, weightDims),
          hasBias ? bias : null, dst), "dnnl_inner_product_backward_weights_desc_init");
      dnnl_primitive_desc pd = dnnl.describe(desc, forwardDescriptor, "inner product backward weights");
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
      dnnl.execute(backwardWeights, DNNL_ARG_SRC, Dnnl.bind(srcMemory, x), DNNL_ARG_DIFF_DST, Dnnl.bind(diffDstMemory, delta),
          DNNL_ARG_DIFF_WEIGHTS, diffWeightsMemory, DNNL_ARG_DIFF_BIAS, Dnnl.bind(diffBiasMemory, db));
    } else {
      dnnl.execute(backwardWeights, DNNL_ARG_SRC, Dnnl.bind(srcMemory, x), DNNL_ARG_DIFF_DST, Dnnl.bind(diffDstMemory, delta),
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
