package org.tensorworkbench.engine.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The shape rule and operation count of each layer kind, for one node whose inputs all have
 * shapes. Problems are thrown as {@link SpecException} naming the node, the upstream node and
 * the numbers involved. The counting conventions are documented on {@link ShapeInference}.
 */
final class LayerShapes {
  private final NodeSpec node;
  private final List<NodeShape> inputs;
  private final int batch;

  /** What a layer produces. */
  record Result(TensorShape output, List<ParameterShape> parameters, OpCount ops) {
    static Result of(TensorShape output, OpCount ops, ParameterShape... parameters) {
      return new Result(output, List.of(parameters), ops);
    }
  }

  private LayerShapes(NodeSpec node, List<NodeShape> inputs, int batch) {
    this.node = node;
    this.inputs = inputs;
    this.batch = batch;
  }

  static Result infer(NodeSpec node, List<NodeShape> inputs, int batch) {
    return new LayerShapes(node, inputs, batch).infer();
  }

  private Result infer() {
    LayerSpec layer = node.layer();
    if (layer instanceof InputSpec s) {
      List<Integer> dims = new ArrayList<>(List.of(batch));
      dims.addAll(s.shape());
      return Result.of(new TensorShape(dims), OpCount.ZERO);
    }
    if (layer instanceof Conv2dSpec s) {
      return conv(s);
    }
    if (layer instanceof DenseSpec s) {
      return dense(s);
    }
    if (layer instanceof MaxPool2dSpec s) {
      TensorShape out = pooled(s.window(), s.stride(), s.padding());
      long windows = out.elements();
      return Result.of(out, new OpCount(0, 0, windows * (area(s.window()) - 1), 0));
    }
    if (layer instanceof AvgPool2dSpec s) {
      TensorShape out = pooled(s.window(), s.stride(), s.padding());
      long windows = out.elements();
      return Result.of(out, OpCount.multiplyAdd(windows, Math.multiplyExact(windows, area(s.window()) - 1)));
    }
    if (layer instanceof GlobalAvgPool2dSpec) {
      TensorShape in = image();
      long maps = (long) batch * in.dim(1);
      long pixels = (long) in.dim(2) * in.dim(3);
      return Result.of(TensorShape.of(batch, in.dim(1)), OpCount.multiplyAdd(maps, Math.multiplyExact(maps, pixels - 1)));
    }
    if (layer instanceof FlattenSpec) {
      return Result.of(TensorShape.of(batch, Math.toIntExact(single().perExample().elements())), OpCount.ZERO);
    }
    if (layer instanceof ActivationSpec s) {
      TensorShape in = single();
      return Result.of(in, activationOps(s.function(), in));
    }
    if (layer instanceof DropoutSpec) {
      return Result.of(single(), OpCount.ZERO);
    }
    if (layer instanceof BatchNormSpec) {
      return batchNorm();
    }
    if (layer instanceof LayerNormSpec) {
      return layerNorm();
    }
    if (layer instanceof AddSpec) {
      return add();
    }
    if (layer instanceof ConcatSpec) {
      return concat();
    }
    return output(((OutputSpec) layer).loss());
  }

  private Result conv(Conv2dSpec s) {
    TensorShape in = image();
    int cin = in.dim(1);
    Function<String, SpecException> tooSmall = formula -> kernelTooBig(s, in, formula);
    boolean same = s.padding().same();
    int outH = axis(in.dim(2), s.kernel().h(), s.stride().h(), same, s.padding().h(), s.dilation().h(), tooSmall);
    int outW = axis(in.dim(3), s.kernel().w(), s.stride().w(), same, s.padding().w(), s.dilation().w(), tooSmall);
    int cout = s.outChannels();
    int kh = s.kernel().h();
    int kw = s.kernel().w();
    List<ParameterShape> params = new ArrayList<>();
    params.add(new ParameterShape(node.id() + ".weight", TensorShape.of(cout, cin, kh, kw), true));
    if (s.bias()) {
      params.add(new ParameterShape(node.id() + ".bias", TensorShape.of(cout), true));
    }
    OpCount ops = OpCount.multiplyAdd(
        ConvArithmetic.convMultiplications(batch, cin, cout, outH, outW, kh, kw),
        ConvArithmetic.convAdditions(batch, cin, cout, outH, outW, kh, kw, s.bias()));
    return new Result(TensorShape.of(batch, cout, outH, outW), params, ops);
  }

  private SpecException kernelTooBig(Conv2dSpec s, TensorShape in, String formula) {
    String input = in.dim(2) + "x" + in.dim(3);
    if (s.dilation().h() == 1 && s.dilation().w() == 1) {
      return new SpecException("spec.shape.kernelTooBig", node.id(), s.kernel().toString(), input,
          s.padding().toString(), formula);
    }
    String dilation = s.dilation().isSquare() ? Integer.toString(s.dilation().h()) : s.dilation().toString();
    return new SpecException("spec.shape.dilatedKernelTooBig", node.id(), s.kernel().toString(), dilation, input,
        s.padding().toString(), formula);
  }

  private Result dense(DenseSpec s) {
    TensorShape in = single();
    if (in.rank() != 2) {
      throw new SpecException("spec.shape.denseNeedsFlat", node.id(), inputId(0), in.toString(),
          in.perExample().elements());
    }
    int din = in.dim(1);
    List<ParameterShape> params = new ArrayList<>();
    params.add(new ParameterShape(node.id() + ".weight", TensorShape.of(s.units(), din), true));
    if (s.bias()) {
      params.add(new ParameterShape(node.id() + ".bias", TensorShape.of(s.units()), true));
    }
    OpCount ops = OpCount.multiplyAdd(
        ConvArithmetic.denseMultiplications(batch, din, s.units()),
        ConvArithmetic.denseAdditions(batch, din, s.units(), s.bias()));
    return new Result(TensorShape.of(batch, s.units()), params, ops);
  }

  private TensorShape pooled(Size2 window, Size2 stride, Padding padding) {
    TensorShape in = image();
    if (!padding.same() && (padding.h() > window.h() / 2 || padding.w() > window.w() / 2)) {
      throw new SpecException("spec.shape.poolPaddingTooBig", node.id(), padding.toString(), window.toString());
    }
    Function<String, SpecException> tooSmall = formula -> new SpecException("spec.shape.windowTooBig",
        node.id(), window.toString(), in.dim(2) + "x" + in.dim(3), padding.toString(), formula);
    int outH = axis(in.dim(2), window.h(), stride.h(), padding.same(), padding.h(), 1, tooSmall);
    int outW = axis(in.dim(3), window.w(), stride.w(), padding.same(), padding.w(), 1, tooSmall);
    return TensorShape.of(batch, in.dim(1), outH, outW);
  }

  /**
   * One spatial axis of a kernel or window; when it does not fit, {@code tooSmall} makes the
   * error from the formula with its numbers, e.g. "⌊(4 + 2·0 − 5)/1⌋ + 1 = 0".
   */
  private static int axis(int n, int k, int s, boolean same, int p, int d, Function<String, SpecException> tooSmall) {
    if (same) {
      return Math.toIntExact(ConvArithmetic.sameOutputSize(n, s));
    }
    long out = ConvArithmetic.outputSize(n, k, s, p, d);
    if (out >= 1) {
      return Math.toIntExact(out);
    }
    String kernel = d == 1 ? Integer.toString(k) : d + "·(" + k + " − 1) − 1";
    throw tooSmall.apply("⌊(" + n + " + 2·" + p + " − " + kernel + ")/" + s + "⌋ + 1 = " + out);
  }

  private OpCount activationOps(ActivationSpec.Function function, TensorShape in) {
    long t = in.elements();
    return switch (function) {
      case RELU -> new OpCount(0, 0, t, 0);
      case LEAKY_RELU -> new OpCount(t, 0, t, 0);
      case SIGMOID, TANH, GELU -> new OpCount(0, 0, 0, t);
      case SOFTMAX -> {
        long last = in.dim(in.rank() - 1);
        yield new OpCount(t, Math.multiplyExact(t / last, last - 1), 0, t);
      }
    };
  }

  private Result batchNorm() {
    TensorShape in = single();
    if (in.rank() != 2 && in.rank() != 4) {
      throw new SpecException("spec.shape.batchNormRank", node.id(), inputId(0), in.toString());
    }
    int c = in.dim(1);
    long t = in.elements();
    TensorShape perChannel = TensorShape.of(c);
    return Result.of(in, new OpCount(Math.addExact(t, 2L * c), Math.addExact(t, 2L * c), 0, c),
        new ParameterShape(node.id() + ".gamma", perChannel, true),
        new ParameterShape(node.id() + ".beta", perChannel, true),
        new ParameterShape(node.id() + ".running_mean", perChannel, false),
        new ParameterShape(node.id() + ".running_var", perChannel, false));
  }

  private Result layerNorm() {
    TensorShape in = single();
    long t = in.elements();
    TensorShape features = in.perExample();
    return Result.of(in, new OpCount(Math.addExact(Math.multiplyExact(3, t), 2L * batch),
        Math.subtractExact(Math.multiplyExact(4, t), batch), 0, batch),
        new ParameterShape(node.id() + ".gamma", features, true),
        new ParameterShape(node.id() + ".beta", features, true));
  }

  private Result add() {
    TensorShape first = inputs.get(0).output();
    for (int i = 1; i < inputs.size(); i++) {
      TensorShape other = inputs.get(i).output();
      if (!other.equals(first)) {
        throw new SpecException("spec.shape.addMismatch", node.id(), inputId(0), first.toString(),
            inputId(i), other.toString());
      }
    }
    return Result.of(first, OpCount.multiplyAdd(0, Math.multiplyExact(inputs.size() - 1L, first.elements())));
  }

  private Result concat() {
    TensorShape first = inputs.get(0).output();
    int channels = 0;
    for (int i = 0; i < inputs.size(); i++) {
      TensorShape other = inputs.get(i).output();
      if (other.rank() != first.rank()) {
        throw new SpecException("spec.shape.concatRank", node.id(), inputId(0), first.toString(),
            inputId(i), other.toString());
      }
      if (!other.dims().subList(2, other.rank()).equals(first.dims().subList(2, first.rank()))) {
        throw new SpecException("spec.shape.concatMismatch", node.id(), inputId(0), first.toString(),
            inputId(i), other.toString());
      }
      channels += other.dim(1);
    }
    List<Integer> dims = new ArrayList<>(first.dims());
    dims.set(1, channels);
    return Result.of(new TensorShape(dims), OpCount.ZERO);
  }

  private Result output(OutputSpec.Loss loss) {
    TensorShape in = single();
    if (loss == OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY && (in.rank() != 2 || in.dim(1) < 2)) {
      throw new SpecException("spec.shape.crossEntropyNeedsScores", node.id(), inputId(0), in.toString());
    }
    if (loss == OutputSpec.Loss.MSE && in.rank() != 2) {
      throw new SpecException("spec.shape.mseNeedsFlat", node.id(), inputId(0), in.toString());
    }
    return Result.of(in, OpCount.ZERO);
  }

  private TensorShape single() {
    return inputs.get(0).output();
  }

  private TensorShape image() {
    TensorShape in = single();
    if (in.rank() != 4) {
      throw new SpecException("spec.shape.needsImage", node.id(), inputId(0), in.toString());
    }
    return in;
  }

  private String inputId(int i) {
    return inputs.get(i).id();
  }

  private static long area(Size2 window) {
    return (long) window.h() * window.w();
  }
}
