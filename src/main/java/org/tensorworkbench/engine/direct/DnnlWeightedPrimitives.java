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
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_get_size;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_query_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_diff_weights_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_weights_md;

import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The three oneDNN primitives of a layer with weights and an optional bias (a convolution, an
 * inner product) for one shape, in FLOAT: forward y = f(x; W) + b, backward to the input ∂L/∂x,
 * and backward to the weights and bias ∂L/∂W, ∂L/∂b, each made once (the backward ones on first
 * use) and then only executed. The weights stay in SameDiff's layout; each pass reorders them
 * into, or its gradient out of, the layout its primitive chose (a few thousand values). A
 * subclass describes the operation ({@link DnnlConvolution}, {@link DnnlInnerProduct}).
 */
abstract class DnnlWeightedPrimitives implements AutoCloseable {
  private final Dnnl dnnl = new Dnnl();
  private final Buffers buffers = new Buffers(DataType.FLOAT);
  private final boolean hasBias;
  /** The weights' oneDNN dims, (O, I) or (O, C, kH, kW). */
  private final long[] weightDims;
  private final dnnl_memory_desc_t src;
  private final dnnl_memory_desc_t dst;
  private final dnnl_memory_desc_t userWeights;
  private final dnnl_memory_desc_t bias;
  private dnnl_primitive_desc forwardDescriptor;
  private dnnl_primitive forward;
  private dnnl_primitive forwardWeightsReorder;
  private dnnl_memory srcMemory;
  private dnnl_memory dstMemory;
  private dnnl_memory userWeightsMemory;
  private dnnl_memory forwardWeightsMemory;
  private dnnl_memory biasMemory;

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
   * @param src the input's layout as the layer keeps it
   * @param dst the output's layout as the layer keeps it
   * @param userWeights the weights' layout as SameDiff keeps them
   * @param weightDims the weights' oneDNN dims, (O, I) or (O, C, kH, kW)
   * @param bias the bias's layout, or null for none
   */
  DnnlWeightedPrimitives(dnnl_memory_desc_t src, dnnl_memory_desc_t dst, dnnl_memory_desc_t userWeights, long[] weightDims,
      dnnl_memory_desc_t bias) {
    this.src = src;
    this.dst = dst;
    this.userWeights = userWeights;
    this.weightDims = weightDims.clone();
    this.bias = bias;
    this.hasBias = bias != null;
  }

  /** The forward operation's descriptor (prop kind forward training) for these layouts; weights as {@code anyWeights}. */
  abstract Pointer forwardOperation(dnnl_memory_desc_t src, dnnl_memory_desc_t anyWeights, dnnl_memory_desc_t bias,
      dnnl_memory_desc_t dst);

  /** The backward-to-the-input operation's descriptor. */
  abstract Pointer backwardDataOperation(dnnl_memory_desc_t src, dnnl_memory_desc_t anyWeights, dnnl_memory_desc_t dst);

  /** The backward-to-the-weights operation's descriptor; {@code bias} null for none. */
  abstract Pointer backwardWeightsOperation(dnnl_memory_desc_t src, dnnl_memory_desc_t anyWeights, dnnl_memory_desc_t bias,
      dnnl_memory_desc_t dst);

  /** y = f(x; W) + b. */
  final void forward(INDArray x, INDArray weights, INDArray b, INDArray y) {
    if (forward == null) {
      forwardDescriptor = dnnl.describe(forwardOperation(src, anyWeights(), bias, dst), null, "forward");
      forward = dnnl.primitive(forwardDescriptor);
      dnnl_memory_desc_t layout = dnnl_primitive_desc_query_md(forwardDescriptor, dnnl_query_weights_md, 0);
      forwardWeightsReorder = dnnl.reorder(userWeights, layout);
      srcMemory = dnnl.memory(src);
      dstMemory = dnnl.memory(dst);
      userWeightsMemory = dnnl.memory(userWeights);
      forwardWeightsMemory = forwardWeightsReorder == null ? userWeightsMemory : allocated(layout, "forwardWeights");
      biasMemory = hasBias ? dnnl.memory(bias) : null;
    }
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

  /** ∂L/∂x from ∂L/∂y and the weights; after a {@link #forward} of this shape. */
  final void backwardData(INDArray dy, INDArray weights, INDArray dx) {
    if (backwardData == null) {
      dnnl_primitive_desc pd = dnnl.describe(backwardDataOperation(src, anyWeights(), dst), forwardDescriptor(), "backward data");
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
    dnnl.execute(backwardData, DNNL_ARG_DIFF_DST, Dnnl.bind(diffDstMemory, dy), DNNL_ARG_WEIGHTS, backwardDataWeightsMemory,
        DNNL_ARG_DIFF_SRC, Dnnl.bind(diffSrcMemory, dx));
  }

  /** ∂L/∂W (SameDiff's layout) and ∂L/∂b (if the layer has a bias) from x and ∂L/∂y; after a {@link #forward}. */
  final void backwardWeights(INDArray x, INDArray dy, INDArray dw, INDArray db) {
    if (backwardWeights == null) {
      dnnl_primitive_desc pd = dnnl.describe(backwardWeightsOperation(src, anyWeights(), bias, dst), forwardDescriptor(),
          "backward weights");
      backwardWeights = dnnl.primitive(pd);
      dnnl_memory_desc_t layout = dnnl_primitive_desc_query_md(pd, dnnl_query_diff_weights_md, 0);
      diffWeightsReorder = dnnl.reorder(layout, userWeights);
      userDiffWeightsMemory = dnnl.memory(userWeights);
      diffWeightsMemory = diffWeightsReorder == null ? userDiffWeightsMemory : allocated(layout, "diffWeights");
      diffBiasMemory = hasBias ? dnnl.memory(bias) : null;
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

  /** The forward descriptor, the backward passes' hint; a backward pass before any forward one is a caller's error. */
  private dnnl_primitive_desc forwardDescriptor() {
    if (forwardDescriptor == null) {
      throw new IllegalStateException("a backward pass needs the forward pass of the same shape first");
    }
    return forwardDescriptor;
  }

  private dnnl_memory_desc_t anyWeights() {
    return Dnnl.descriptor(dnnl_format_tag_any, weightDims);
  }

  /** A memory object of layout {@code md} on a work array of its own. */
  private dnnl_memory allocated(dnnl_memory_desc_t md, String role) {
    long floats = (dnnl_memory_desc_get_size(md) + Float.BYTES - 1) / Float.BYTES;
    return Dnnl.bind(dnnl.memory(md), buffers.get(role, floats));
  }

  @Override
  public final void close() {
    dnnl.close();
    buffers.release();
  }
}
