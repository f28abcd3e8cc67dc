package org.tensorworkbench.engine.graph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.api.ops.random.custom.RandomBernoulli;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.spec.ActivationSpec;
import org.tensorworkbench.engine.spec.AddSpec;
import org.tensorworkbench.engine.spec.AvgPool2dSpec;
import org.tensorworkbench.engine.spec.BatchNormSpec;
import org.tensorworkbench.engine.spec.ConcatSpec;
import org.tensorworkbench.engine.spec.Conv2dSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.DropoutSpec;
import org.tensorworkbench.engine.spec.FlattenSpec;
import org.tensorworkbench.engine.spec.GlobalAvgPool2dSpec;
import org.tensorworkbench.engine.spec.InferredNetwork;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.LayerNormSpec;
import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.MaxPool2dSpec;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.Padding;
import org.tensorworkbench.engine.spec.ShapeInference;
import org.tensorworkbench.engine.spec.Size2;

/**
 * Emits the SameDiff ops of one node at a time, in topological order, for a network that
 * {@link ShapeInference} has already checked; its shapes size the parameters. Images are NCHW.
 *
 * <p>Every op that a student may want to read is named by its node id; parameters are named by
 * {@link GraphNames}. The graph avoids needless ops: a matrix product and a bias add per dense
 * layer, one oneDNN convolution (bias included) or pooling op per layer, no casts or reshapes
 * between layers, and the train/inference switch is cast once per graph.
 */
final class GraphBuilder {
  private final SameDiff sd;
  private final DataType dataType;
  private final WeightInit init;
  private final InferredNetwork inferred;
  private final Map<String, SDVariable> outputs = new HashMap<>();
  private SDVariable training;
  private SDVariable inference;

  GraphBuilder(SameDiff sd, CompileOptions options, InferredNetwork inferred) {
    this.sd = sd;
    this.inferred = inferred;
    this.dataType = options.dataType();
    this.init = new WeightInit(options.seed(), options.dataType());
  }

  void add(NodeSpec node) {
    LayerSpec layer = node.layer();
    String id = node.id();
    if (layer instanceof InputSpec) {
      outputs.put(id, sd.placeHolder(GraphNames.INPUT, dataType, withBatch(exampleShape(id))));
      return;
    }
    List<SDVariable> xs = node.inputs().stream().map(outputs::get).toList();
    SDVariable x = xs.get(0);
    long[] s = exampleShape(node.inputs().get(0));
    outputs.put(id, emit(id, layer, x, s, xs));
  }

  private SDVariable emit(String id, LayerSpec layer, SDVariable x, long[] s, List<SDVariable> xs) {
    if (layer instanceof DenseSpec d) {
      return dense(id, d, x, s);
    } else if (layer instanceof Conv2dSpec c) {
      return conv(id, c, x, s);
    } else if (layer instanceof MaxPool2dSpec p) {
      return sd.cnn.maxPooling2d(id, x, poolConfig(Pooling2D.Pooling2DType.MAX, p.window(), p.stride(), p.padding()));
    } else if (layer instanceof AvgPool2dSpec p) {
      return avgPool(id, p, x);
    } else if (layer instanceof GlobalAvgPool2dSpec) {
      return globalAvgPool(id, x, s);
    } else if (layer instanceof FlattenSpec) {
      // [N, C, H, W] -> [N, C·H·W]
      return s.length == 1 ? sd.identity(id, x) : sd.reshape(id, x, -1, Arrays.stream(s).reduce(1, (a, b) -> a * b));
    } else if (layer instanceof ActivationSpec a) {
      return activation(id, a, x, s.length);
    } else if (layer instanceof DropoutSpec d) {
      return dropout(id, d, x);
    } else if (layer instanceof BatchNormSpec bn) {
      return batchNorm(id, bn, x, s);
    } else if (layer instanceof LayerNormSpec ln) {
      return layerNorm(id, ln, x, s);
    } else if (layer instanceof AddSpec) {
      return xs.size() == 2 ? sd.math.add(id, xs.get(0), xs.get(1)) : sd.math.mergeAdd(id, xs.toArray(new SDVariable[0]));
    } else if (layer instanceof ConcatSpec) {
      // along axis 1: channels of [N, C, H, W] or features of [N, D]
      return sd.concat(id, 1, xs.toArray(new SDVariable[0]));
    } else if (layer instanceof OutputSpec o) {
      return output(id, o, x, s);
    }
    throw new IllegalStateException("no graph for " + layer);
  }

  private long[] exampleShape(String nodeId) {
    return inferred.outputShape(nodeId).perExample().toLongArray();
  }

  // y = x W + b: [N, D] -> [N, units]. Not sd.nn.linear: in M2.1 its fused xw_plus_b op stops
  // updating the bias after the first iteration of fit(iterator) (one-batch fits are right).
  private SDVariable dense(String id, DenseSpec d, SDVariable x, long[] s) {
    SDVariable w = sd.var(GraphNames.weights(id), init.draw(GraphNames.weights(id), d.init(), s[0], d.units(), s[0], d.units()));
    if (!d.bias()) {
      return sd.mmul(id, x, w);
    }
    return x.mmul(w).add(id, sd.var(GraphNames.bias(id), init.zeros(d.units())));
  }

  // [N, C, H, W] -> [N, outC, H', W'], weights [kH, kW, C, outC]
  private SDVariable conv(String id, Conv2dSpec c, SDVariable x, long[] s) {
    Size2 k = c.kernel();
    long inC = s[0];
    long outC = c.outChannels();
    String wName = GraphNames.weights(id);
    SDVariable w = sd.var(wName, init.draw(wName, c.init(), inC * k.h() * k.w(), outC * k.h() * k.w(), k.h(), k.w(), inC, outC));
    Size2 dilation = c.dilation();
    SDVariable kernel = dilation.h() == 1 && dilation.w() == 1 ? w : spread(id, w, k, inC, outC, dilation);
    long kh = (k.h() - 1L) * dilation.h() + 1;
    long kw = (k.w() - 1L) * dilation.w() + 1;
    Conv2DConfig config = Conv2DConfig.builder()
        .kH(kh).kW(kw)
        .sH(c.stride().h()).sW(c.stride().w())
        .pH(c.padding().h()).pW(c.padding().w())
        .paddingMode(c.padding().same() ? PaddingMode.SAME : PaddingMode.VALID)
        .dataFormat(Conv2DConfig.NCHW)
        .build();
    return c.bias()
        ? sd.cnn.conv2d(id, x, kernel, sd.var(GraphNames.bias(id), init.zeros(outC)), config)
        : sd.cnn.conv2d(id, x, kernel, config);
  }

  /**
   * The dilated kernel as an ordinary one of side d(k − 1) + 1 with d − 1 zeros between the taps,
   * which gives the same sums: M2.1's oneDNN path cannot create a dilated convolution descriptor.
   * Each axis is spread by a constant 0/1 matrix E [d(k − 1) + 1, k] with E[i·d, i] = 1, so the
   * gradient reaches the k×k weights through two matrix products.
   */
  private SDVariable spread(String id, SDVariable w, Size2 k, long inC, long outC, Size2 d) {
    long kh = (k.h() - 1L) * d.h() + 1;
    long kw = (k.w() - 1L) * d.w() + 1;
    SDVariable rows = sd.constant(GraphNames.part(id, "spreadH"), spreadMatrix(kh, k.h(), d.h()));
    SDVariable cols = sd.constant(GraphNames.part(id, "spreadW"), spreadMatrix(kw, k.w(), d.w()));
    SDVariable tallH = rows.mmul(w.reshape(k.h(), k.w() * inC * outC)); // [kh, kW·C·O]
    SDVariable byW = tallH.reshape(kh, k.w(), inC * outC).permute(1, 0, 2).reshape(k.w(), kh * inC * outC); // [kW, kh·C·O]
    SDVariable wideW = cols.mmul(byW).reshape(kw, kh, inC, outC); // [kw, kh, C, O]
    return wideW.permute(1, 0, 2, 3); // [kh, kw, C, O]
  }

  private INDArray spreadMatrix(long rows, int taps, int step) {
    INDArray e = Nd4j.zeros(dataType, rows, taps);
    for (int i = 0; i < taps; i++) {
      e.putScalar((long) i * step, i, 1.0);
    }
    return e;
  }

  /**
   * Average pooling that divides by the whole window, zero padding included (PyTorch's
   * count_include_pad). libnd4j's own include-padding mode has a backward pass that divides by
   * the pixels inside only (a 5% gradient error in M2.1), so explicit padding is a separate pad
   * op before an unpadded pooling. "Same" padding averages the pixels inside, as TensorFlow does.
   */
  private SDVariable avgPool(String id, AvgPool2dSpec p, SDVariable x) {
    Padding padding = p.padding();
    if (padding.same() || (padding.h() == 0 && padding.w() == 0)) {
      return sd.cnn.avgPooling2d(id, x, poolConfig(Pooling2D.Pooling2DType.AVG, p.window(), p.stride(), padding));
    }
    SDVariable amounts = sd.constant(GraphNames.part(id, "padding"),
        Nd4j.createFromArray(new int[][] {{0, 0}, {0, 0}, {padding.h(), padding.h()}, {padding.w(), padding.w()}}));
    SDVariable padded = sd.nn.pad(GraphNames.part(id, "padded"), x, amounts, 0.0); // [N, C, H + 2ph, W + 2pw]
    return sd.cnn.avgPooling2d(id, padded, poolConfig(Pooling2D.Pooling2DType.AVG, p.window(), p.stride(), Padding.NONE));
  }

  // [N, C, H, W] -> [N, C, 1, 1] -> [N, C]; pooling instead of mean(2, 3), which fails on size-1 axes in M2.1
  private SDVariable globalAvgPool(String id, SDVariable x, long[] s) {
    Pooling2DConfig config = poolConfig(Pooling2D.Pooling2DType.AVG, new Size2((int) s[1], (int) s[2]), Size2.of(1), Padding.NONE);
    SDVariable pooled = sd.cnn.avgPooling2d(GraphNames.part(id, "pooled"), x, config);
    return sd.reshape(id, pooled, -1, s[0]);
  }

  private static Pooling2DConfig poolConfig(Pooling2D.Pooling2DType type, Size2 window, Size2 stride, Padding padding) {
    return Pooling2DConfig.builder()
        .kH(window.h()).kW(window.w())
        .sH(stride.h()).sW(stride.w())
        .pH(padding.h()).pW(padding.w())
        .dH(1).dW(1)
        .type(type)
        // libnd4j reads "extra" for average pooling: 0 divides by the pixels inside the image
        .extra(0)
        .paddingMode(padding.same() ? PaddingMode.SAME : PaddingMode.VALID)
        .isNHWC(false)
        .build();
  }

  private SDVariable activation(String id, ActivationSpec a, SDVariable x, int exampleRank) {
    return switch (a.function()) {
      case RELU -> sd.nn.relu(id, x, 0);
      case LEAKY_RELU -> sd.nn.leakyRelu(id, x, a.alpha());
      case SIGMOID -> sd.nn.sigmoid(id, x);
      case TANH -> sd.nn.tanh(id, x);
      case GELU -> gelu(id, x);
      case SOFTMAX -> sd.nn.softmax(id, x, exampleRank);
    };
  }

  /**
   * GELU in its tanh form (Hendrycks &amp; Gimpel 2016), 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))),
   * built from elementwise ops: in M2.1 sd.nn.gelu is x·σ(1.702x) and sd.nn.preciseGelu matches
   * neither form (0.8314 at x = 1 where both give 0.841).
   */
  private SDVariable gelu(String id, SDVariable x) {
    SDVariable inner = x.add(sd.math.cube(x).mul(0.044715)).mul(Math.sqrt(2 / Math.PI));
    return x.mul(0.5).mul(id, sd.math.tanh(inner).add(1.0));
  }

  /**
   * Inverted dropout with the phase switch t (1 training, 0 inference):
   * y = x · (mask · t / keep + 1 − t), mask ~ Bernoulli(keep). sd.nn.dropout would also drop at
   * inference in M2.1, and dropoutInverted fails on a batch dimension of −1.
   */
  private SDVariable dropout(String id, DropoutSpec d, SDVariable x) {
    if (d.p() == 0) {
      return sd.identity(id, x);
    }
    double keep = 1 - d.p();
    // named so a lab can read the very mask a training step drew (GraphNames.dropoutMask)
    SDVariable mask = new RandomBernoulli(sd, sd.shape(x), keep).outputVariable()
        .castTo(GraphNames.dropoutMask(id), dataType);
    SDVariable factor = mask.mul(training().div(keep)).add(inference());
    return x.mul(id, factor);
  }

  /**
   * Batch normalization from moments, with running statistics as constants blended in by the
   * phase switch, and the affine part folded into y = x·scale + shift:
   * scale = γ / √(var + ε), shift = β − mean·scale. For images scale and shift are applied as a
   * 1x1 depthwise convolution, whose backward pass is much faster than a broadcast multiply on
   * NCHW. {@link BatchNormStatistics} updates the running statistics while training.
   */
  private SDVariable batchNorm(String id, BatchNormSpec bn, SDVariable x, long[] s) {
    boolean image = s.length == 3;
    long c = s[0];
    int[] axes = image ? new int[] {0, 2, 3} : new int[] {0};
    SDVariable[] moments = sd.math.moments(new String[] {GraphNames.batchMean(id), GraphNames.batchVar(id)}, x, axes, false); // [C]
    SDVariable runningMean = sd.constant(GraphNames.runningMean(id), init.zeros(c));
    SDVariable runningVar = sd.constant(GraphNames.runningVar(id), init.ones(c));
    SDVariable mean = sd.math.add(GraphNames.part(id, "mean"), moments[0].mul(training()), runningMean.mul(inference()));
    SDVariable var = sd.math.add(GraphNames.part(id, "var"), moments[1].mul(training()), runningVar.mul(inference()));
    SDVariable gamma = sd.var(GraphNames.gamma(id), init.ones(c));
    SDVariable beta = sd.var(GraphNames.beta(id), init.zeros(c));
    SDVariable scale = sd.math.rsqrt(var.add(bn.epsilon())).mul(GraphNames.part(id, "scale"), gamma);
    SDVariable shift = beta.sub(GraphNames.part(id, "shift"), mean.mul(scale));
    if (!image) {
      return x.mul(scale).add(id, shift); // [N, C] * [C] + [C]
    }
    Conv2DConfig oneByOne = Conv2DConfig.builder().kH(1).kW(1).sH(1).sW(1).dH(1).dW(1)
        .paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW).build();
    return sd.cnn.depthWiseConv2d(id, x, sd.reshape(scale, 1, 1, c, 1), shift, oneByOne); // weights [1, 1, C, 1]
  }

  /** Layer normalization over all features of each example, γ and β of the example's shape. */
  private SDVariable layerNorm(String id, LayerNormSpec ln, SDVariable x, long[] s) {
    int[] axes = new int[s.length];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i + 1;
    }
    SDVariable[] moments = sd.math.moments(new String[] {GraphNames.part(id, "mean"), GraphNames.part(id, "var")}, x, axes, true);
    SDVariable normalized = x.sub(moments[0]).mul(sd.math.rsqrt(moments[1].add(ln.epsilon())));
    SDVariable gamma = sd.var(GraphNames.gamma(id), init.ones(s));
    SDVariable beta = sd.var(GraphNames.beta(id), init.zeros(s));
    return normalized.mul(gamma).add(id, beta);
  }

  /**
   * The prediction and the loss. Softmax cross-entropy takes the logits and gives probabilities
   * as the output; MSE outputs its input. The loss is the batch mean.
   */
  private SDVariable output(String id, OutputSpec o, SDVariable x, long[] s) {
    SDVariable labels = sd.placeHolder(GraphNames.LABELS, dataType, withBatch(s));
    SDVariable prediction;
    if (o.loss() == OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY) {
      prediction = sd.nn.softmax(id, x, 1);
      sd.loss.softmaxCrossEntropy(GraphNames.LOSS, labels, x, null);
    } else {
      prediction = sd.identity(id, x);
      sd.loss.meanSquaredError(GraphNames.LOSS, labels, x, null);
    }
    sd.setLossVariables(GraphNames.LOSS);
    return prediction;
  }

  /** t: 1 while training, 0 at inference, from SameDiff's learning-phase placeholder. */
  private SDVariable training() {
    if (training == null) {
      SDVariable phase = sd.placeHolder(GraphNames.PHASE, DataType.BOOL);
      training = phase.castTo("phase/training", dataType);
      inference = training.rsub("phase/inference", 1.0);
    }
    return training;
  }

  /** 1 − t. */
  private SDVariable inference() {
    training();
    return inference;
  }

  private static long[] withBatch(long[] shape) {
    long[] full = new long[shape.length + 1];
    full[0] = -1;
    System.arraycopy(shape, 0, full, 1, shape.length);
    return full;
  }
}
