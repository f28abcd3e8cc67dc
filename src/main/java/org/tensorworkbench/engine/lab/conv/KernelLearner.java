package org.tensorworkbench.engine.lab.conv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Learns a kernel from an input and its filtered output (d2l 7.2.4): given X and Y = X ⋆ K for an
 * unknown K, start from random weights and descend the gradient of the squared error
 *
 * <pre>  L(K̂) = Σ (X ⋆ K̂ − Y)²,   K̂ ← K̂ − η ∂L/∂K̂</pre>
 *
 * with SameDiff computing ∂L/∂K̂. d2l's run (6x8 boundary image, target [1, −1], η = 0.03) reaches
 * K̂ ≈ [1.0, −0.97] after 10 steps.
 */
public final class KernelLearner {
  private KernelLearner() {}

  /** The target output Y = X ⋆ K (no padding, stride 1) for a one-channel image X. */
  public static FeatureMaps target(ImagePlanes x, Kernel2d k) {
    return Conv2dOp.crossCorrelate(x.grayscale().asBatch(), ConvKernel.replicated(1, 0f, k), ConvParams.plain());
  }

  /**
   * Runs {@code steps} updates with learning rate {@code eta} from weights drawn uniformly from
   * [−1, 1) with {@code seed}, and returns every step.
   */
  public static List<LearningStep> learn(ImagePlanes image, Kernel2d target, double eta, int steps, long seed) {
    ImagePlanes x = image.grayscale();
    FeatureMaps y = target(x, target); // [1, 1, H_out, W_out]
    int kh = target.rows();
    int kw = target.cols();

    SameDiff sd = SameDiff.create();
    SDVariable in = sd.placeHolder("x", DataType.FLOAT, 1, 1, x.height(), x.width()); // [1, 1, H, W]
    SDVariable want = sd.placeHolder("y", DataType.FLOAT, 1, 1, y.height(), y.width());
    // a trainable VARIABLE (not sd.zero/sd.constant, which are never updated): [kH, kW, inC, outC]
    SDVariable k = sd.var("k", Nd4j.create(randomStart(kh * kw, seed), new long[] {kh, kw, 1, 1}, 'c'));
    Conv2DConfig config = Conv2DConfig.builder().kH(kh).kW(kw).sH(1).sW(1).pH(0).pW(0).dH(1).dW(1)
        .paddingMode(PaddingMode.VALID).dataFormat("NCHW").weightsFormat(WeightsFormat.YXIO).build();
    SDVariable yHat = sd.cnn().conv2d("yHat", in, k, config); // [1, 1, H_out, W_out]
    SDVariable diff = yHat.sub(want);
    SDVariable loss = sd.sum("loss", diff.mul(diff));
    sd.setLossVariables(loss);

    Map<String, INDArray> feed = Map.of(
        "x", Nd4j.create(x.data(), new long[] {1, 1, x.height(), x.width()}, 'c'),
        "y", Nd4j.create(y.data(), y.shape(), 'c'));
    List<LearningStep> trace = new ArrayList<>(steps);
    for (int step = 1; step <= steps; step++) {
      double l = sd.output(feed, "loss").get("loss").getDouble(0);
      INDArray grad = sd.calculateGradients(feed, "k").get("k"); // [kH, kW, 1, 1]
      k.getArr().subi(grad.mul(eta));
      trace.add(new LearningStep(step, l, k.getArr().dup('c').data().asFloat()));
    }
    return trace;
  }

  /**
   * A {@code side x side} image of uniform noise in [0, 1): unlike the boundary image it has
   * structure in every direction, so any k x k kernel can be recovered from it.
   */
  public static ImagePlanes noiseImage(int side, long seed) {
    Random random = new Random(seed);
    float[] d = new float[side * side];
    for (int i = 0; i < d.length; i++) {
      d[i] = random.nextFloat();
    }
    return new ImagePlanes("noise", 1, side, side, d, 1f);
  }

  private static float[] randomStart(int n, long seed) {
    Random random = new Random(seed);
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = random.nextFloat() * 2 - 1;
    }
    return w;
  }
}
