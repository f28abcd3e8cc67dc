package org.tensorworkbench.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.spec.ActivationSpec;
import org.tensorworkbench.engine.spec.ActivationSpec.Function;
import org.tensorworkbench.engine.spec.AddSpec;
import org.tensorworkbench.engine.spec.AvgPool2dSpec;
import org.tensorworkbench.engine.spec.BatchNormSpec;
import org.tensorworkbench.engine.spec.ConcatSpec;
import org.tensorworkbench.engine.spec.Conv2dSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.DropoutSpec;
import org.tensorworkbench.engine.spec.FlattenSpec;
import org.tensorworkbench.engine.spec.GlobalAvgPool2dSpec;
import org.tensorworkbench.engine.spec.Initializer;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.LayerNormSpec;
import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.MaxPool2dSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.Padding;

/** A finite-difference gradient check for every layer type, on tiny DOUBLE graphs. */
class GradientCheckTest {
  private static final OutputSpec CROSS_ENTROPY = new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY);
  private static final OutputSpec MSE = new OutputSpec(OutputSpec.Loss.MSE);

  static Stream<Arguments> networks() {
    return Stream.of(
        named("dense with bias, cross-entropy", flat(DenseSpec.of(3), CROSS_ENTROPY)),
        named("dense without bias, MSE", flat(new DenseSpec(2, false, Initializer.HE), MSE)),
        named("relu", flat(DenseSpec.of(5), act(Function.RELU), DenseSpec.of(3), CROSS_ENTROPY)),
        named("leaky relu", flat(DenseSpec.of(5), new ActivationSpec(Function.LEAKY_RELU, 0.1), DenseSpec.of(3), CROSS_ENTROPY)),
        named("sigmoid", flat(DenseSpec.of(5), act(Function.SIGMOID), DenseSpec.of(3), CROSS_ENTROPY)),
        named("tanh", flat(DenseSpec.of(5), act(Function.TANH), DenseSpec.of(3), CROSS_ENTROPY)),
        named("gelu", flat(DenseSpec.of(5), act(Function.GELU), DenseSpec.of(3), CROSS_ENTROPY)),
        named("softmax", flat(DenseSpec.of(5), act(Function.SOFTMAX), DenseSpec.of(3), MSE)),
        named("dropout", flat(DenseSpec.of(6), new DropoutSpec(0.5), DenseSpec.of(3), CROSS_ENTROPY)),
        named("batch norm, dense", flat(DenseSpec.of(4), BatchNormSpec.DEFAULT, act(Function.TANH), DenseSpec.of(3), CROSS_ENTROPY)),
        named("layer norm, dense", flat(DenseSpec.of(4), LayerNormSpec.DEFAULT, DenseSpec.of(3), CROSS_ENTROPY)),
        named("conv, explicit padding and stride", image(Conv2dSpec.of(3, 3).withPadding(Padding.of(1)).withStride(2))),
        named("conv, same padding", image(Conv2dSpec.of(2, 3).withPadding(Padding.SAME))),
        named("conv, dilation, no bias", image(Conv2dSpec.of(2, 2).withDilation(2).withBias(false).withInit(Initializer.HE))),
        named("conv, rectangular kernel", image(new Conv2dSpec(2, new org.tensorworkbench.engine.spec.Size2(3, 1),
            null, Padding.of(1, 0), null, true, Initializer.normal(0.5)))),
        named("max pooling", image(Conv2dSpec.of(2, 2), MaxPool2dSpec.of(2, 1))),
        named("max pooling, padded", image(Conv2dSpec.of(2, 2), MaxPool2dSpec.of(3, 2).withPadding(Padding.of(1)))),
        named("avg pooling", image(Conv2dSpec.of(2, 2), AvgPool2dSpec.of(2))),
        named("avg pooling, padded", image(Conv2dSpec.of(2, 2), AvgPool2dSpec.of(3, 1).withPadding(Padding.of(1)))),
        named("global avg pooling", gap()),
        named("batch norm, conv", image(Conv2dSpec.of(3, 3), BatchNormSpec.DEFAULT, act(Function.RELU))),
        named("layer norm, conv", image(Conv2dSpec.of(2, 3), LayerNormSpec.DEFAULT)),
        named("dropout, conv", image(Conv2dSpec.of(2, 3), new DropoutSpec(0.3))),
        named("add (residual)", residual()),
        named("concat (channels)", inception()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void backwardMatchesFiniteDifferences(String name, NetworkSpec spec) {
    CompiledNetwork net = NetworkCompiler.compile(spec, new CompileOptions(DataType.DOUBLE, 3));
    long[] inShape = net.sameDiff().getVariable(net.inputName()).getShape();
    long[] labelShape = net.sameDiff().getVariable(net.labelsName()).getShape();
    int batch = 4;
    inShape[0] = batch;
    labelShape[0] = batch;
    Nd4j.getRandom().setSeed(7);
    INDArray x = Nd4j.rand(DataType.DOUBLE, inShape).subi(0.5).muli(2);
    INDArray labels = net.loss() == OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY
        ? Nd4j.eye(labelShape[1]).getRows(0, 1, 2, 0).castTo(DataType.DOUBLE)
        : Nd4j.rand(DataType.DOUBLE, labelShape);
    List<GradientChecker.Mismatch> mismatches = new GradientChecker(net, x, labels).check(6, 1e-5, 1e-9);
    assertEquals(List.of(), mismatches, name);
  }

  private static Arguments named(String name, NetworkSpec spec) {
    return Arguments.of(name, spec);
  }

  private static ActivationSpec act(Function f) {
    return ActivationSpec.of(f);
  }

  private static NetworkSpec flat(LayerSpec... layers) {
    LayerSpec[] all = new LayerSpec[layers.length + 1];
    all[0] = InputSpec.of(6);
    System.arraycopy(layers, 0, all, 1, layers.length);
    return NetworkSpec.sequential("flat", all);
  }

  // [2, 6, 6] images -> the given layers -> Flatten -> Dense(3) -> cross-entropy
  private static NetworkSpec image(LayerSpec... layers) {
    LayerSpec[] all = new LayerSpec[layers.length + 4];
    all[0] = InputSpec.of(2, 6, 6);
    System.arraycopy(layers, 0, all, 1, layers.length);
    all[layers.length + 1] = new FlattenSpec();
    all[layers.length + 2] = DenseSpec.of(3);
    all[layers.length + 3] = CROSS_ENTROPY;
    return NetworkSpec.sequential("image", all);
  }

  private static NetworkSpec gap() {
    return NetworkSpec.sequential("gap", InputSpec.of(2, 6, 6), Conv2dSpec.of(3, 3), new GlobalAvgPool2dSpec(),
        DenseSpec.of(3), CROSS_ENTROPY);
  }

  private static NetworkSpec residual() {
    return NetworkSpec.of("residual", List.of(
        NodeSpec.of("in", InputSpec.of(2, 5, 5)),
        NodeSpec.of("conv1", Conv2dSpec.of(2, 3).withPadding(Padding.of(1)), "in"),
        NodeSpec.of("relu1", act(Function.RELU), "conv1"),
        NodeSpec.of("conv2", Conv2dSpec.of(2, 3).withPadding(Padding.of(1)), "relu1"),
        NodeSpec.of("add1", new AddSpec(), "conv2", "conv1"),
        NodeSpec.of("flat", new FlattenSpec(), "add1"),
        NodeSpec.of("dense", DenseSpec.of(3), "flat"),
        NodeSpec.of("out", CROSS_ENTROPY, "dense")));
  }

  private static NetworkSpec inception() {
    return NetworkSpec.of("inception", List.of(
        NodeSpec.of("in", InputSpec.of(2, 5, 5)),
        NodeSpec.of("b1", Conv2dSpec.of(2, 1), "in"),
        NodeSpec.of("b2", Conv2dSpec.of(3, 3).withPadding(Padding.SAME), "in"),
        NodeSpec.of("pool", MaxPool2dSpec.of(3, 1).withPadding(Padding.of(1)), "in"),
        NodeSpec.of("cat", new ConcatSpec(), "b1", "b2", "pool"),
        NodeSpec.of("flat", new FlattenSpec(), "cat"),
        NodeSpec.of("dense", DenseSpec.of(3), "flat"),
        NodeSpec.of("out", CROSS_ENTROPY, "dense")));
  }
}
