package org.tensorworkbench.engine.direct;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 2-D convolution (cross-correlation, d2l 7.2) as im2col and one matrix product, with the
 * weights W [kH, kW, C, O] that SameDiff trains, used as the matrix W' [kH·kW·C, O] without a copy.
 *
 * <p>Forward: the patch matrix P [kH·kW·C, n·oH·oW] ({@link Patches}), then Y = W'ᵀ·P + b, which is
 * the output laid out CNHW, [O, n, oH, oW]: channel-major, so no transposition is needed, and
 * the activations and pooling after it work on it as on any [N, C, H, W] array (pooling treats O
 * as the batch and n as channels, which pools the same windows). {@code FlattenLayer} turns it
 * back into [n, O·oH·oW] in NCHW order. Backward: ∂L/∂W' = P·∂L/∂Yᵀ, ∂L/∂b = Σ_columns ∂L/∂Y,
 * ∂L/∂P = W'·∂L/∂Y, put back onto the image by col2im. One BLAS gemm per product; oneDNN is not
 * involved, whose convolutions reorder 1- and 6-channel tensors into 16-channel blocks (most of
 * LeNet's time on the SameDiff path).
 */
final class ConvLayer implements DirectLayer {
  private final INDArray wMatrix; // [kH·kW·C, O], a view of the SameDiff weights
  private final INDArray bColumn; // [O, 1], a view of the bias, or null
  private final int kH;
  private final int kW;
  private final int sH;
  private final int sW;
  private final int pH;
  private final int pW;
  private final boolean cnhwInput;
  private final Patches patches;
  private final List<Parameter> parameters = new ArrayList<>();
  private final Buffers buffers;

  /**
   * @param cnhwInput whether x comes from another convolution ([C, n, H, W]) rather than the data ([n, C, H, W])
   */
  ConvLayer(String weightsName, INDArray w, String biasName, INDArray b, int sH, int sW, int pH, int pW,
      boolean cnhwInput) {
    this.kH = (int) w.size(0);
    this.kW = (int) w.size(1);
    this.wMatrix = w.reshape(w.size(0) * w.size(1) * w.size(2), w.size(3));
    this.bColumn = b == null ? null : b.reshape(b.length(), 1);
    this.sH = sH;
    this.sW = sW;
    this.pH = pH;
    this.pW = pW;
    this.cnhwInput = cnhwInput;
    this.patches = new Patches(kH, kW, sH, sW, pH, pW);
    this.buffers = new Buffers(w.dataType());
    parameters.add(new Parameter(weightsName, w, w.ulike()));
    if (b != null) {
      parameters.add(new Parameter(biasName, b, b.ulike()));
    }
  }

  @Override
  public INDArray forward(INDArray input) {
    INDArray x = Shape.hasDefaultStridesForShape(input) ? input : input.dup('c');
    int n = (int) x.size(cnhwInput ? 1 : 0);
    int c = (int) x.size(cnhwInput ? 0 : 1);
    int h = (int) x.size(2);
    int w = (int) x.size(3);
    int oH = Patches.outputSize(h, kH, sH, pH);
    int oW = Patches.outputSize(w, kW, sW, pW);
    long columns = (long) n * oH * oW;
    INDArray p = buffers.get("patches", wMatrix.size(0), columns); // [kH·kW·C, n·oH·oW]
    patches.im2col(x, n, c, h, w, strideE(n, c, h, w), strideC(n, c, h, w), p);
    INDArray y = buffers.get("y", wMatrix.size(1), n, oH, oW); // [O, n, oH, oW]
    INDArray yMatrix = y.reshape(wMatrix.size(1), columns);
    Nd4j.gemm(wMatrix, p, yMatrix, true, false, 1.0, 0.0);
    if (bColumn != null) {
      yMatrix.addiColumnVector(bColumn);
    }
    return y;
  }

  @Override
  public INDArray backward(INDArray x, INDArray y, INDArray dy, boolean inputGradient) {
    int n = (int) x.size(cnhwInput ? 1 : 0);
    int c = (int) x.size(cnhwInput ? 0 : 1);
    int h = (int) x.size(2);
    int w = (int) x.size(3);
    long columns = y.length() / y.size(0);
    INDArray dyMatrix = dy.reshape(y.size(0), columns); // [O, n·oH·oW]
    INDArray p = buffers.get("patches", wMatrix.size(0), columns);
    Nd4j.gemm(p, dyMatrix, parameters.get(0).gradient().reshape(wMatrix.shape()), false, true, 1.0, 0.0);
    if (bColumn != null) {
      dyMatrix.sum(parameters.get(1).gradient(), 1); // [O]
    }
    if (!inputGradient) {
      return null;
    }
    INDArray dp = buffers.get("dpatches", wMatrix.size(0), columns);
    Nd4j.gemm(wMatrix, dyMatrix, dp, false, false, 1.0, 0.0);
    INDArray dx = buffers.get("dx", x.shape());
    patches.col2im(dp, n, c, h, w, strideE(n, c, h, w), strideC(n, c, h, w), dx);
    return dx;
  }

  private long strideE(int n, int c, int h, int w) {
    return cnhwInput ? (long) h * w : (long) c * h * w;
  }

  private long strideC(int n, int c, int h, int w) {
    return cnhwInput ? (long) n * h * w : (long) h * w;
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
