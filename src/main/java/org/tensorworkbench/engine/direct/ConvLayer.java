package org.tensorworkbench.engine.direct;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 2-D convolution (cross-correlation, d2l 7.2) over [n, C, H, W] with the weights W
 * [kH, kW, C, O] and bias b [O] that SameDiff trains:
 * y[e, o, i, j] = b[o] + Σ_{kh, kw, c} W[kh, kw, c, o] · x[e, c, i·sH + kh − pH, j·sW + kw − pW].
 *
 * <p>Forward, and backward where the input gradient is needed, run libnd4j's {@code conv2d} and
 * {@code conv2d_bp} ops on the layer's own arrays (no graph): in FLOAT they are oneDNN's
 * convolutions, 2.5-4x faster than gathering patches in Java and one matrix product. The first
 * trainable layer needs only ∂L/∂W and ∂L/∂b, which {@code conv2d_bp} cannot skip; there oneDNN's
 * backward pass for one input channel is slow (0.5 s for LeNet's first layer). With stride 1, in
 * FLOAT and few weights, {@link ShiftedRowsWeightGradient} computes them in Java; otherwise the
 * layer gathers the patch matrix P [kH·kW·C, n·oH·oW] ({@link Patches}) and computes ∂L/∂W' = P·∂L/∂Yᵀ
 * with one BLAS product, W' [kH·kW·C, O] being W without a copy and ∂L/∂Y [O, n·oH·oW] the output
 * gradient with its first two axes swapped; ∂L/∂b = Σ over the columns of ∂L/∂Y. (∂L/∂W is also a
 * convolution of the input read as [C, n, H, W] with ∂L/∂y read as weights [O, n, oH, oW]; through
 * oneDNN it took 3-5 ms alone but 18-33 ms between LeNet's other layers, so it is not used.)
 */
final class ConvLayer implements DirectLayer {
  private final INDArray w; // [kH, kW, C, O]
  private final INDArray b; // [O] or null
  private final int kH;
  private final int kW;
  private final int sH;
  private final int sW;
  private final int pH;
  private final int pW;
  private final Patches patches;
  private final List<Parameter> parameters;
  private final Buffers buffers;
  /** The first layer's weight gradient at stride 1 in FLOAT, made on first use if it applies. */
  private ShiftedRowsWeightGradient shiftedRows;

  ConvLayer(String weightsName, INDArray w, String biasName, INDArray b, int sH, int sW, int pH, int pW) {
    this.w = w;
    this.b = b;
    this.kH = (int) w.size(0);
    this.kW = (int) w.size(1);
    this.sH = sH;
    this.sW = sW;
    this.pH = pH;
    this.pW = pW;
    this.patches = new Patches(kH, kW, sH, sW, pH, pW);
    this.buffers = new Buffers(w.dataType());
    this.parameters = Parameter.weightsAndBias(weightsName, w, biasName, b);
  }

  @Override
  public INDArray forward(INDArray input) {
    INDArray x = Shape.hasDefaultStridesForShape(input) ? input : input.dup('c');
    INDArray y = buffers.get("y", x.size(0), w.size(3), // [n, O, oH, oW]
        Patches.outputSize(x.size(2), kH, sH, pH), Patches.outputSize(x.size(3), kW, sW, pW));
    Nd4j.exec(op("conv2d", b == null ? new INDArray[] {x, w} : new INDArray[] {x, w, b}, y));
    return y;
  }

  @Override
  public INDArray backward(INDArray input, INDArray y, INDArray dy, boolean inputGradient) {
    INDArray x = Shape.hasDefaultStridesForShape(input) ? input : input.dup('c');
    INDArray dw = parameters.get(0).gradient();
    INDArray db = b == null ? null : parameters.get(1).gradient();
    if (inputGradient) {
      INDArray dx = buffers.get("dx", x.shape()); // [n, C, H, W]
      Nd4j.exec(op("conv2d_bp", b == null ? new INDArray[] {x, w, dy} : new INDArray[] {x, w, b, dy},
          b == null ? new INDArray[] {dx, dw} : new INDArray[] {dx, dw, db}));
      return dx;
    }
    int n = (int) x.size(0);
    int c = (int) x.size(1);
    int h = (int) x.size(2);
    int wd = (int) x.size(3);
    int outC = (int) y.size(1);
    int oH = (int) y.size(2);
    int oW = (int) y.size(3);
    if (sH == 1 && sW == 1 && shiftedRows == null) {
      shiftedRows = ShiftedRowsWeightGradient.forShape(x.dataType(), c, outC, h, wd, kH, kW, pH, pW);
    }
    if (shiftedRows != null) {
      shiftedRows.compute(x, Shape.hasDefaultStridesForShape(dy) ? dy : dy.dup('c'), dw, db);
      return null;
    }
    INDArray dyT = buffers.get("dyT", outC, n, oH, oW); // [O, n, oH, oW]
    swapFirstAxes(Shape.hasDefaultStridesForShape(dy) ? dy : dy.dup('c'), dyT);
    long columns = (long) n * oH * oW;
    INDArray p = buffers.get("patches", (long) kH * kW * c, columns); // [kH·kW·C, n·oH·oW]
    patches.im2col(x, n, c, h, wd, (long) c * h * wd, (long) h * wd, p);
    Nd4j.gemm(p, dyT.reshape(outC, columns), dw.reshape(p.size(0), outC), false, true, 1.0, 0.0);
    if (db != null) {
      dyT.reshape(outC, columns).sum(db, 1); // [O]
    }
    return null;
  }

  /** to [B, A, ...] = from [A, B, ...] for contiguous arrays: one bulk copy per (a, b) plane. */
  private static INDArray swapFirstAxes(INDArray from, INDArray to) {
    int a = (int) from.size(0);
    int b = (int) from.size(1);
    int plane = (int) (from.length() / a / b);
    Lanes lanes = Lanes.between(from, to);
    for (int i = 0; i < a; i++) {
      for (int j = 0; j < b; j++) {
        lanes.copy(((long) i * b + j) * plane, 1, ((long) j * a + i) * plane, plane);
      }
    }
    return to;
  }

  private DynamicCustomOp op(String name, INDArray[] inputs, INDArray... outputs) {
    return DynamicCustomOp.builder(name)
        .addInputs(inputs)
        .addOutputs(outputs)
        // kH, kW, sH, sW, pH, pW, dH, dW, same mode (0: explicit padding), NCHW (0), weights [kH, kW, C, O] (0)
        .addIntegerArguments(kH, kW, sH, sW, pH, pW, 1, 1, 0, 0, 0)
        .build();
  }

  @Override
  public List<Parameter> parameters() {
    return parameters;
  }

  @Override
  public void release() {
    buffers.release();
  }
}
