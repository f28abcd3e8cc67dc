package org.tensorworkbench.engine.direct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * within 1e-4; and it is deterministic, bit for bit, from the same start.
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
    return Stream.of(
        Arguments.of("lenet, oneDNN's primitives", lenet, true),
        Arguments.of("lenet, libnd4j's ops", lenet, false),
        Arguments.of("tanh, relu, max pooling, strided padded conv, oneDNN's primitives", cnn, true),
        Arguments.of("tanh, relu, max pooling, strided padded conv, libnd4j's ops", cnn, false));
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
    assertEquals(oneDnn, trainer.runsOnOneDnn(), name);
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

  private static double loss(CompiledNetwork net, INDArray x, INDArray y) {
    return net.sameDiff().output(Map.of(net.inputName(), x, net.labelsName(), y), net.lossName())
        .get(net.lossName()).getDouble(0);
  }
}
