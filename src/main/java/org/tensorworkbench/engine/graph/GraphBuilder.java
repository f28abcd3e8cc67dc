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
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.LayerNormSpec;
import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.MaxPool2dSpec;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.Padding;
import org.tensorworkbench.engine.spec.Size2;
import org.tensorworkbench.engine.spec.SpecException;

/**
 * Emits the SameDiff ops of one node at a time, in topological order, tracking each node's
 * output variable and per-example shape (without the batch dimension). Images are NCHW.
 *
 * <p>Every op that a student may want to read is named by its node id; parameters are named by
 * {@link GraphNames}. The graph avoids needless ops: one fused op per dense/conv layer, oneDNN
 * convolution and pooling, and the train/inference switch is cast once per graph.
 */
final class GraphBuilder {
  private final SameDiff sd;
  private final DataType dataType;
  private final WeightInit init;
  private final Map<String, SDVariable> outputs = new HashMap<>();
  private final Map<String, long[]> shapes = new HashMap<>();
  private SDVariable training;
  private SDVariable inference;

  GraphBuilder(SameDiff sd, CompileOptions options) {
    this.sd = sd;
    this.dataType = options.dataType();
    this.init = new WeightInit(options.seed(), options.dataType());
  }

  /** The per-example output shape of a node already added. */
  long[] shape(String nodeId) {
    return shapes.get(nodeId).clone();
  }

  void add(NodeSpec node) {
    LayerSpec layer = node.layer();
    String id = node.id();
    if (layer instanceof InputSpec in) {
      long[] shape = in.shape().stream().mapToLong(Integer::longValue).toArray();
      put(id, sd.placeHolder(GraphNames.INPUT, dataType, withBatch(shape)), shape);
      return;
    }
    List<SDVariable> xs = node.inputs().stream().map(outputs::get).toList();
    List<long[]> inShapes = node.inputs().stream().map(shapes::get).toList();
    SDVariable x = xs.get(0);
    long[] s = inShapes.get(0);
    if (layer instanceof DenseSpec d) {
      dense(id, d, x, s);
    } else if (layer instanceof Conv2dSpec c) {
      conv(id, c, x, s);
    } else if (layer instanceof MaxPool2dSpec p) {
      pool(id, Pooling2D.Pooling2DType.MAX, p.window(), p.stride(), p.padding(), x, s);
    } else if (layer instanceof AvgPool2dSpec p) {
      pool(id, Pooling2D.Pooling2DType.AVG, p.window(), p.stride(), p.padding(), x, s);
    } else if (layer instanceof GlobalAvgPool2dSpec) {
      globalAvgPool(id, x, s);
    } else if (layer instanceof FlattenSpec) {
      long d = Arrays.stream(s).reduce(1, (a, b) -> a * b);
      put(id, s.length == 1 ? sd.identity(id, x) : sd.reshape(id, x, -1, d), new long[] {d});
    } else if (layer instanceof ActivationSpec a) {
      put(id, activation(id, a, x, s.length), s);
    } else if (layer instanceof DropoutSpec d) {
      dropout(id, d, x, s);
    } else if (layer instanceof BatchNormSpec bn) {
      batchNorm(id, bn, x, s);
    } else if (layer instanceof LayerNormSpec ln) {
      layerNorm(id, ln, x, s);
    } else if (layer instanceof AddSpec) {
      add(id, node, xs, inShapes);
    } else if (layer instanceof ConcatSpec) {
      concat(id, node, xs, inShapes);
    } else if (layer instanceof OutputSpec o) {
      output(id, o, x, s);
    }
  }

  private void put(String id, SDVariable v, long[] shape) {
    outputs.put(id, v);
    shapes.put(id, shape);
  }

  // y = x W + b: [N, D] -> [N, units]
  private void dense(String id, DenseSpec d, SDVariable x, long[] s) {
    requireRank(id, s, 1, "graph.error.denseNeedsFlat");
    SDVariable w = sd.var(GraphNames.weights(id), init.draw(GraphNames.weights(id), d.init(), s[0], d.units(), s[0], d.units()));
    SDVariable y;
    if (d.bias()) {
      SDVariable b = sd.var(GraphNames.bias(id), init.zeros(d.units()));
      y = sd.nn.linear(id, x, w, b);
    } else {
      y = sd.mmul(id, x, w);
    }
    put(id, y, new long[] {d.units()});
  }

  // [N, C, H, W] -> [N, outC, H', W'], weights [kH, kW, C, outC]
  private void conv(String id, Conv2dSpec c, SDVariable x, long[] s) {
    requireRank(id, s, 3, "graph.error.needsImage");
    Size2 k = c.kernel();
    long inC = s[0];
    long outC = c.outChannels();
    String wName = GraphNames.weights(id);
    SDVariable w = sd.var(wName, init.draw(wName, c.init(), inC * k.h() * k.w(), outC * k.h() * k.w(), k.h(), k.w(), inC, outC));
    Conv2DConfig config = Conv2DConfig.builder()
        .kH(k.h()).kW(k.w())
        .sH(c.stride().h()).sW(c.stride().w())
        .pH(c.padding().h()).pW(c.padding().w())
        .dH(c.dilation().h()).dW(c.dilation().w())
        .paddingMode(c.padding().same() ? PaddingMode.SAME : PaddingMode.VALID)
        .dataFormat(Conv2DConfig.NCHW)
        .build();
    SDVariable y = c.bias()
        ? sd.cnn.conv2d(id, x, w, sd.var(GraphNames.bias(id), init.zeros(outC)), config)
        : sd.cnn.conv2d(id, x, w, config);
    long h = outSize(id, s[1], k.h(), c.stride().h(), c.padding().same(), c.padding().h(), c.dilation().h());
    long wd = outSize(id, s[2], k.w(), c.stride().w(), c.padding().same(), c.padding().w(), c.dilation().w());
    put(id, y, new long[] {outC, h, wd});
  }

  // [N, C, H, W] -> [N, C, H', W']; average pooling divides by the whole window, padding included (PyTorch's default)
  private void pool(String id, Pooling2D.Pooling2DType type, Size2 window, Size2 stride, Padding padding, SDVariable x, long[] s) {
    requireRank(id, s, 3, "graph.error.needsImage");
    Pooling2DConfig config = poolConfig(type, window, stride, padding);
    SDVariable y = type == Pooling2D.Pooling2DType.MAX
        ? sd.cnn.maxPooling2d(id, x, config)
        : sd.cnn.avgPooling2d(id, x, config);
    long h = outSize(id, s[1], window.h(), stride.h(), padding.same(), padding.h(), 1);
    long w = outSize(id, s[2], window.w(), stride.w(), padding.same(), padding.w(), 1);
    put(id, y, new long[] {s[0], h, w});
  }

  // [N, C, H, W] -> [N, C, 1, 1] -> [N, C]; pooling instead of mean(2, 3), which fails on size-1 axes in M2.1
  private void globalAvgPool(String id, SDVariable x, long[] s) {
    requireRank(id, s, 3, "graph.error.needsImage");
    Pooling2DConfig config = poolConfig(Pooling2D.Pooling2DType.AVG, new Size2((int) s[1], (int) s[2]), Size2.of(1), Padding.NONE);
    SDVariable pooled = sd.cnn.avgPooling2d(GraphNames.part(id, "pooled"), x, config);
    put(id, sd.reshape(id, pooled, -1, s[0]), new long[] {s[0]});
  }

  private static Pooling2DConfig poolConfig(Pooling2D.Pooling2DType type, Size2 window, Size2 stride, Padding padding) {
    return Pooling2DConfig.builder()
        .kH(window.h()).kW(window.w())
        .sH(stride.h()).sW(stride.w())
        .pH(padding.h()).pW(padding.w())
        .dH(1).dW(1)
        .type(type)
        .divisor(Pooling2D.Divisor.INCLUDE_PADDING)
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
      // ND4J's "precise" GELU is the tanh approximation; its plain gelu is x·σ(1.702x)
      case GELU -> sd.nn.preciseGelu(id, x);
      case SOFTMAX -> sd.nn.softmax(id, x, exampleRank);
    };
  }

  /**
   * Inverted dropout with the phase switch t (1 training, 0 inference):
   * y = x · (mask · t / keep + 1 − t), mask ~ Bernoulli(keep). sd.nn.dropout would also drop at
   * inference in M2.1, and dropoutInverted fails on a batch dimension of −1.
   */
  private void dropout(String id, DropoutSpec d, SDVariable x, long[] s) {
    if (d.p() == 0) {
      put(id, sd.identity(id, x), s);
      return;
    }
    double keep = 1 - d.p();
    SDVariable mask = new RandomBernoulli(sd, sd.shape(x), keep).outputVariable();
    if (mask.dataType() != dataType) {
      mask = mask.castTo(dataType);
    }
    SDVariable factor = mask.mul(training().div(keep)).add(inference());
    put(id, x.mul(id, factor), s);
  }

  /**
   * Batch normalization from moments, with running statistics as constants blended in by the
   * phase switch, and the affine part folded into y = x·scale + shift:
   * scale = γ / √(var + ε), shift = β − mean·scale. For images scale and shift are applied as a
   * 1x1 depthwise convolution, whose backward pass is much faster than a broadcast multiply on
   * NCHW. {@link BatchNormStatistics} updates the running statistics while training.
   */
  private void batchNorm(String id, BatchNormSpec bn, SDVariable x, long[] s) {
    if (s.length != 1 && s.length != 3) {
      throw new SpecException("graph.error.batchNormRank", id, shapeText(s));
    }
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
    SDVariable y;
    if (image) {
      Conv2DConfig oneByOne = Conv2DConfig.builder().kH(1).kW(1).sH(1).sW(1).dH(1).dW(1)
          .paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW).build();
      y = sd.cnn.depthWiseConv2d(id, x, sd.reshape(scale, 1, 1, c, 1), shift, oneByOne);
    } else {
      y = x.mul(scale).add(id, shift);
    }
    put(id, y, s);
  }

  /** Layer normalization over all features of each example, γ and β of the example's shape. */
  private void layerNorm(String id, LayerNormSpec ln, SDVariable x, long[] s) {
    int[] axes = new int[s.length];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i + 1;
    }
    SDVariable[] moments = sd.math.moments(new String[] {GraphNames.part(id, "mean"), GraphNames.part(id, "var")}, x, axes, true);
    SDVariable normalized = x.sub(moments[0]).mul(sd.math.rsqrt(moments[1].add(ln.epsilon())));
    SDVariable gamma = sd.var(GraphNames.gamma(id), init.ones(s));
    SDVariable beta = sd.var(GraphNames.beta(id), init.zeros(s));
    put(id, normalized.mul(gamma).add(id, beta), s);
  }

  private void add(String id, NodeSpec node, List<SDVariable> xs, List<long[]> inShapes) {
    for (int i = 1; i < inShapes.size(); i++) {
      if (!Arrays.equals(inShapes.get(0), inShapes.get(i))) {
        throw new SpecException("graph.error.addShapes", id, node.inputs().get(0), shapeText(inShapes.get(0)),
            node.inputs().get(i), shapeText(inShapes.get(i)));
      }
    }
    SDVariable y = xs.size() == 2
        ? sd.math.add(id, xs.get(0), xs.get(1))
        : sd.math.mergeAdd(id, xs.toArray(new SDVariable[0]));
    put(id, y, inShapes.get(0));
  }

  // along axis 1: channels of [N, C, H, W] or features of [N, D]
  private void concat(String id, NodeSpec node, List<SDVariable> xs, List<long[]> inShapes) {
    long[] first = inShapes.get(0);
    long[] out = first.clone();
    for (int i = 1; i < inShapes.size(); i++) {
      long[] other = inShapes.get(i);
      boolean fits = other.length == first.length
          && Arrays.equals(Arrays.copyOfRange(other, 1, other.length), Arrays.copyOfRange(first, 1, first.length));
      if (!fits) {
        throw new SpecException("graph.error.concatShapes", id, node.inputs().get(0), shapeText(first),
            node.inputs().get(i), shapeText(other));
      }
      out[0] += other[0];
    }
    put(id, sd.concat(id, 1, xs.toArray(new SDVariable[0])), out);
  }

  /**
   * The prediction and the loss. Softmax cross-entropy takes the logits and gives probabilities
   * as the output; MSE outputs its input. The loss is the batch mean.
   */
  private void output(String id, OutputSpec o, SDVariable x, long[] s) {
    SDVariable labels = sd.placeHolder(GraphNames.LABELS, dataType, withBatch(s));
    SDVariable prediction;
    if (o.loss() == OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY) {
      requireRank(id, s, 1, "graph.error.crossEntropyNeedsFlat");
      prediction = sd.nn.softmax(id, x, 1);
      sd.loss.softmaxCrossEntropy(GraphNames.LOSS, labels, x, null);
    } else {
      prediction = sd.identity(id, x);
      sd.loss.meanSquaredError(GraphNames.LOSS, labels, x, null);
    }
    sd.setLossVariables(GraphNames.LOSS);
    put(id, prediction, s);
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

  private long outSize(String id, long n, int k, int stride, boolean same, int pad, int dilation) {
    if (same) {
      return (n + stride - 1) / stride;
    }
    long span = n + 2L * pad - (long) dilation * (k - 1) - 1;
    if (span < 0) {
      throw new SpecException("graph.error.outputTooSmall", id, n, k);
    }
    return span / stride + 1;
  }

  private static void requireRank(String id, long[] s, int rank, String key) {
    if (s.length != rank) {
      throw new SpecException(key, id, shapeText(s));
    }
  }

  static String shapeText(long[] s) {
    return Arrays.toString(s);
  }

  private static long[] withBatch(long[] shape) {
    long[] full = new long[shape.length + 1];
    full[0] = -1;
    System.arraycopy(shape, 0, full, 1, shape.length);
    return full;
  }
}
