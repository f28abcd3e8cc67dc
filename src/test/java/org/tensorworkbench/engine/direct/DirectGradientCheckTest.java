package org.tensorworkbench.engine.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.graph.CompileOptions;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.spec.ActivationSpec;
import org.tensorworkbench.engine.spec.ActivationSpec.Function;
import org.tensorworkbench.engine.spec.AddSpec;
import org.tensorworkbench.engine.spec.AvgPool2dSpec;
import org.tensorworkbench.engine.spec.BatchNormSpec;
import org.tensorworkbench.engine.spec.Conv2dSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.DropoutSpec;
import org.tensorworkbench.engine.spec.FlattenSpec;
import org.tensorworkbench.engine.spec.Initializer;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.MaxPool2dSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.Padding;
import org.tensorworkbench.engine.spec.Size2;

/**
 * The direct path's hand-derived gradients against central finite differences
 * (L(θ + ε) − L(θ − ε)) / 2ε of the SameDiff graph's own loss, in DOUBLE, for every layer the
 * direct path handles; and which networks it declines.
 */
class DirectGradientCheckTest {
  private static final OutputSpec CROSS_ENTROPY = new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY);
  private static final OutputSpec MSE = new OutputSpec(OutputSpec.Loss.MSE);
  private static final double EPSILON = 1e-6;

  static Stream<Arguments> networks() {
    return Stream.of(
        named("dense with bias, cross-entropy", flat(DenseSpec.of(3), CROSS_ENTROPY)),
        named("dense without bias, MSE", flat(new DenseSpec(2, false, Initializer.HE), MSE)),
        named("relu", flat(DenseSpec.of(5), act(Function.RELU), DenseSpec.of(3), CROSS_ENTROPY)),
        named("relu after dense without bias, MSE",
            flat(new DenseSpec(5, false, Initializer.HE), act(Function.RELU), DenseSpec.of(3), MSE)),
        named("leaky relu, MSE", flat(DenseSpec.of(5), new ActivationSpec(Function.LEAKY_RELU, 0.1), DenseSpec.of(3), MSE)),
        named("sigmoid", flat(DenseSpec.of(5), act(Function.SIGMOID), DenseSpec.of(3), CROSS_ENTROPY)),
        named("tanh", flat(DenseSpec.of(5), act(Function.TANH), DenseSpec.of(3), CROSS_ENTROPY)),
        named("conv, explicit padding and stride", image(Conv2dSpec.of(3, 3).withPadding(Padding.of(1)).withStride(2))),
        named("conv, same padding", image(Conv2dSpec.of(2, 3).withPadding(Padding.SAME))),
        named("conv, rectangular kernel, no bias", image(new Conv2dSpec(2, new Size2(3, 1),
            null, Padding.of(1, 0), null, false, Initializer.normal(0.5)))),
        named("conv after conv (col2im), stride 2", image(Conv2dSpec.of(3, 3).withPadding(Padding.of(1)), act(Function.TANH),
            Conv2dSpec.of(2, 3).withStride(2).withPadding(Padding.of(1)))),
        named("conv after conv, rectangular stride", image(Conv2dSpec.of(3, 2), act(Function.RELU),
            new Conv2dSpec(2, new Size2(2, 3), new Size2(1, 2), Padding.of(0, 1), null, true, Initializer.XAVIER))),
        named("max pooling", image(Conv2dSpec.of(2, 2), MaxPool2dSpec.of(2, 1))),
        named("max pooling, padded", image(Conv2dSpec.of(2, 2), MaxPool2dSpec.of(3, 2).withPadding(Padding.of(1)))),
        named("avg pooling between convolutions", image(Conv2dSpec.of(3, 3).withPadding(Padding.of(1)), act(Function.SIGMOID),
            AvgPool2dSpec.of(2), Conv2dSpec.of(2, 2))),
        named("pooling on the input", image(MaxPool2dSpec.of(2), Conv2dSpec.of(2, 2))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void backwardMatchesFiniteDifferences(String name, NetworkSpec spec) {
    CompiledNetwork net = NetworkCompiler.compile(spec, new CompileOptions(DataType.DOUBLE, 3));
    DirectTrainer trainer = DirectTrainer.of(net).orElseThrow();
    long[] inShape = net.sameDiff().getVariable(net.inputName()).getShape();
    long[] labelShape = net.sameDiff().getVariable(net.labelsName()).getShape();
    inShape[0] = 4;
    labelShape[0] = 4;
    Nd4j.getRandom().setSeed(7);
    INDArray x = Nd4j.rand(DataType.DOUBLE, inShape).subi(0.5).muli(2);
    INDArray labels = net.loss() == OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY
        ? Nd4j.eye(labelShape[1]).getRows(0, 1, 2, 0).castTo(DataType.DOUBLE)
        : Nd4j.rand(DataType.DOUBLE, labelShape);
    trainer.forwardBackward(x, labels);
    List<String> mismatches = new ArrayList<>();
    Random pick = new Random(1);
    int checked = 0;
    for (Parameter p : trainer.parameters()) {
      INDArray flatValue = p.value().reshape(p.value().length());
      INDArray flatGrad = p.gradient().reshape(p.value().length());
      for (int k = 0; k < Math.min(5, p.value().length()); k++) {
        long i = p.value().length() <= 5 ? k : pick.nextInt((int) p.value().length());
        double original = flatValue.getDouble(i);
        flatValue.putScalar(i, original + EPSILON);
        double plus = loss(net, x, labels);
        flatValue.putScalar(i, original - EPSILON);
        double minus = loss(net, x, labels);
        flatValue.putScalar(i, original);
        double numeric = (plus - minus) / (2 * EPSILON);
        double analytic = flatGrad.getDouble(i);
        double rel = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric));
        if (rel > 1e-6 && Math.abs(analytic - numeric) > 1e-9) {
          mismatches.add(p.name() + "[" + i + "]: " + analytic + " vs " + numeric);
        }
        checked++;
      }
    }
    trainer.release();
    assertTrue(checked >= 4, "nothing checked");
    assertEquals(List.of(), mismatches, name);
  }

  @Test
  void declinesWhatItDoesNotHandle() {
    List<NetworkSpec> others = List.of(
        flat(DenseSpec.of(5), act(Function.GELU), DenseSpec.of(3), CROSS_ENTROPY),
        flat(DenseSpec.of(6), new DropoutSpec(0.5), DenseSpec.of(3), CROSS_ENTROPY),
        flat(DenseSpec.of(4), BatchNormSpec.DEFAULT, DenseSpec.of(3), CROSS_ENTROPY),
        image(Conv2dSpec.of(2, 2).withDilation(2)),
        image(Conv2dSpec.of(2, 2), AvgPool2dSpec.of(3, 1).withPadding(Padding.of(1))),
        NetworkSpec.of("residual", List.of(
            NodeSpec.of("in", InputSpec.of(2, 5, 5)),
            NodeSpec.of("conv1", Conv2dSpec.of(2, 3).withPadding(Padding.of(1)), "in"),
            NodeSpec.of("conv2", Conv2dSpec.of(2, 3).withPadding(Padding.of(1)), "conv1"),
            NodeSpec.of("add1", new AddSpec(), "conv2", "conv1"),
            NodeSpec.of("flat", new FlattenSpec(), "add1"),
            NodeSpec.of("dense", DenseSpec.of(3), "flat"),
            NodeSpec.of("out", CROSS_ENTROPY, "dense"))));
    for (NetworkSpec spec : others) {
      assertTrue(DirectTrainer.of(NetworkCompiler.compile(spec)).isEmpty(), spec.toString());
    }
  }

  private static double loss(CompiledNetwork net, INDArray x, INDArray labels) {
    return net.sameDiff().output(Map.of(net.inputName(), x, net.labelsName(), labels), net.lossName())
        .get(net.lossName()).getDouble(0);
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

  // [2, 7, 6] images -> the given layers -> Flatten -> Dense(3) -> cross-entropy
  private static NetworkSpec image(LayerSpec... layers) {
    LayerSpec[] all = new LayerSpec[layers.length + 4];
    all[0] = InputSpec.of(2, 7, 6);
    System.arraycopy(layers, 0, all, 1, layers.length);
    all[layers.length + 1] = new FlattenSpec();
    all[layers.length + 2] = DenseSpec.of(3);
    all[layers.length + 3] = CROSS_ENTROPY;
    return NetworkSpec.sequential("image", all);
  }
}
