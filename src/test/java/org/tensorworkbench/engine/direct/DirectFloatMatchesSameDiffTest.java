package org.tensorworkbench.engine.direct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.tensorworkbench.engine.graph.CompileOptions;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.spec.ActivationSpec;
import org.tensorworkbench.engine.spec.ActivationSpec.Function;
import org.tensorworkbench.engine.spec.Conv2dSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.FlattenSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.MaxPool2dSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.Padding;
import org.tensorworkbench.engine.spec.Templates;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.engine.train.OptimizerMapping;
import org.tensorworkbench.engine.train.TrainingConfig;

/**
 * In FLOAT, where the direct path runs oneDNN's own primitives on channels-last activations, or
 * with {@code -Dtensorworkbench.onednn=false} libnd4j's ops (DOUBLE, which the gradient checks and
 * the exact equality test use, takes libnd4j's generic code), the direct path trains as
 * SameDiff's {@code fit} does to float rounding: same losses and weights after a few SGD steps
 * within 1e-4; and it is deterministic, bit for bit, from the same start. Between the steps its
 * forward pass gives every node's output for one example as SameDiff's inference does.
 */
class DirectFloatMatchesSameDiffTest {
  private static final int BATCH = 8;
  private static final int STEPS = 3;

  static Stream<Arguments> networks() {
    NetworkSpec lenet = Templates.load("lenet").withInputShape(List.of(1, 28, 28));
    NetworkSpec cnn = NetworkSpec.sequential("cnn",
        InputSpec.of(3, 12, 12),
        Conv2dSpec.of(8, 3).withPadding(Padding.of(1)), ActivationSpec.of(Function.TANH), MaxPool2dSpec.of(2),
        Conv2dSpec.of(16, 3).withStride(2).withPadding(Padding.of(1)), ActivationSpec.of(Function.RELU),
        new FlattenSpec(), DenseSpec.of(10), new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY));
    NetworkSpec mlp = NetworkSpec.sequential("mlp", InputSpec.of(20), DenseSpec.of(16), ActivationSpec.of(Function.RELU),
        DenseSpec.of(10), new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY));
    NetworkSpec regression = NetworkSpec.sequential("regression", InputSpec.of(20), DenseSpec.of(16),
        ActivationSpec.of(Function.SIGMOID), DenseSpec.of(10), new OutputSpec(OutputSpec.Loss.MSE));
    return Stream.of(
        Arguments.of("lenet, oneDNN's primitives", lenet, true),
        Arguments.of("lenet, libnd4j's ops", lenet, false),
        Arguments.of("tanh, relu, max pooling, strided padded conv, oneDNN's primitives", cnn, true),
        Arguments.of("tanh, relu, max pooling, strided padded conv, libnd4j's ops", cnn, false),
        Arguments.of("ReLU in the dense layer's pass, oneDNN's primitives", mlp, true),
        Arguments.of("ReLU in the dense layer's pass, libnd4j's ops", mlp, false),
        Arguments.of("MSE regression, oneDNN's primitives", regression, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void closeToFitAndDeterministic(String name, NetworkSpec spec, boolean oneDnn) {
    String before = System.getProperty(Dnnl.SWITCH);
    System.setProperty(Dnnl.SWITCH, String.valueOf(oneDnn));
    try {
      trainBothWays(name, spec, oneDnn);
    } finally {
      if (before == null) {
        System.clearProperty(Dnnl.SWITCH);
      } else {
        System.setProperty(Dnnl.SWITCH, before);
      }
    }
  }

  private static void trainBothWays(String name, NetworkSpec spec, boolean oneDnn) {
    CompileOptions options = new CompileOptions(DataType.FLOAT, 3);
    CompiledNetwork viaFit = NetworkCompiler.compile(spec, options);
    CompiledNetwork direct = NetworkCompiler.compile(spec, options);
    CompiledNetwork again = NetworkCompiler.compile(spec, options);
    TrainingConfig config = TrainingConfig.defaults().withOptimizer(Optimizer.SGD).withLearningRate(0.5);
    for (CompiledNetwork net : List.of(viaFit, direct, again)) {
      net.sameDiff().setTrainingConfig(OptimizerMapping.sameDiffConfig(config, net.inputName(), net.labelsName()));
    }
    DirectTrainer trainer = DirectTrainer.of(direct).orElseThrow();
    assertEquals(oneDnn && spec.nodes().stream().anyMatch(n -> n.layer() instanceof Conv2dSpec), trainer.runsOnOneDnn(), name);
    DirectTrainer second = DirectTrainer.of(again).orElseThrow();
    long[] shape = viaFit.sameDiff().getVariable(viaFit.inputName()).getShape();
    shape[0] = BATCH;
    Nd4j.getRandom().setSeed(9);
    for (int step = 0; step < STEPS; step++) {
      INDArray x = Nd4j.rand(DataType.FLOAT, shape);
      INDArray y = Nd4j.zeros(DataType.FLOAT, BATCH, 10);
      for (int i = 0; i < BATCH; i++) {
        y.putScalar(i, (i * 7 + step) % 10, 1f);
      }
      viaFit.sameDiff().fit(new DataSet(x, y));
      trainer.step(x, y);
      second.step(x, y);
      // between two steps, as the diagnostics ask: one example's layer outputs, as SameDiff's inference gives them
      activationsMatchSameDiff(name, trainer, direct, x.get(NDArrayIndex.interval(0, 1)));
      double expected = loss(viaFit, x, y);
      assertEquals(expected, loss(direct, x, y), 1e-4 * Math.max(1, Math.abs(expected)), name + " loss after step " + step);
    }
    for (String var : viaFit.trainableNames()) {
      INDArray a = viaFit.sameDiff().getArrForVarName(var);
      INDArray b = direct.sameDiff().getArrForVarName(var);
      double difference = a.sub(b).amaxNumber().doubleValue();
      assertTrue(difference < 1e-4, var + " differs by " + difference);
      assertArrayEquals(b.data().asFloat(), again.sameDiff().getArrForVarName(var).data().asFloat(), 0f, var + " not deterministic");
    }
    trainer.release();
    second.release();
  }

  /**
   * Every node's output for {@code probe} [1, ...] from the direct path equals SameDiff's inference
   * on the same weights (NCHW feature maps, the dense layer's output before a ReLU computed in its
   * pass, the prediction). The twin trainer, which never computes them, then still trains to the
   * same weights bit for bit: the probe's pass leaves the training's arrays alone.
   */
  private static void activationsMatchSameDiff(String name, DirectTrainer trainer, CompiledNetwork net, INDArray probe) {
    List<String> nodes = List.copyOf(net.activationNames().keySet());
    Map<String, INDArray> expected = net.activations(probe, nodes);
    Map<String, INDArray> actual = trainer.activations(probe, nodes);
    assertEquals(expected.keySet(), actual.keySet(), name);
    for (String node : nodes) {
      INDArray e = expected.get(node);
      INDArray a = actual.get(node);
      assertArrayEquals(e.shape(), a.shape(), name + ": shape of " + node);
      double scale = Math.max(1, e.amaxNumber().doubleValue());
      double difference = e.sub(a).amaxNumber().doubleValue();
      assertTrue(difference < 1e-5 * scale, name + ": " + node + " differs by " + difference);
    }
    assertEquals(Map.of(), trainer.activations(probe, List.of()), name);
    assertThrows(IllegalArgumentException.class, () -> trainer.activations(probe, List.of("no-such-node")), name);
  }

  private static double loss(CompiledNetwork net, INDArray x, INDArray y) {
    return net.sameDiff().output(Map.of(net.inputName(), x, net.labelsName(), y), net.lossName())
        .get(net.lossName()).getDouble(0);
  }
}
