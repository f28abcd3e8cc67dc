package org.tensorworkbench.engine.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.tensorworkbench.engine.spec.ActivationSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.FlattenSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.SpecException;
import org.tensorworkbench.i18n.Messages;

class NetworkCompilerTest {

  static NetworkSpec mlp() {
    return NetworkSpec.sequential("mlp",
        InputSpec.of(1, 4, 4),
        new FlattenSpec(),
        DenseSpec.of(8),
        ActivationSpec.of(ActivationSpec.Function.RELU),
        DenseSpec.of(3),
        new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY));
  }

  @Test
  void namesEveryNodeAndParameterReadably() {
    CompiledNetwork net = NetworkCompiler.compile(mlp());
    assertEquals(List.of("input1", "flatten1", "dense1", "relu1", "dense2", "output1"),
        List.copyOf(net.activationNames().keySet()));
    assertEquals("input", net.activationNames().get("input1"));
    assertEquals("dense1", net.activationNames().get("dense1"));
    assertEquals(List.of("dense1/W", "dense1/b", "dense2/W", "dense2/b"), net.trainableNames());
    assertEquals("dense2", net.logitsName());
    assertEquals("output1", net.outputName());
    assertEquals(16 * 8 + 8 + 8 * 3 + 3, net.parameterCount());
    assertArrayEquals(new long[] {16, 8}, net.sameDiff().getArrForVarName("dense1/W").shape());
    assertEquals(DataType.FLOAT, net.dataType());
  }

  @Test
  void predictGivesProbabilitiesForEveryRowAcrossChunks() {
    CompiledNetwork net = NetworkCompiler.compile(mlp());
    INDArray x = Nd4j.rand(DataType.FLOAT, CompiledNetwork.PREDICT_CHUNK + 7, 1, 4, 4);
    INDArray p = net.predict(x);
    assertArrayEquals(new long[] {CompiledNetwork.PREDICT_CHUNK + 7, 3}, p.shape());
    INDArray sums = p.sum(1);
    for (int i = 0; i < sums.length(); i++) {
      assertEquals(1.0, sums.getDouble(i), 1e-5);
    }
    INDArray lastRow = net.predict(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(x.size(0) - 1, x.size(0))));
    assertEquals(lastRow.getRow(0), p.getRow(x.size(0) - 1));
  }

  @Test
  void sameSeedSameWeightsOtherSeedOtherWeights() {
    INDArray a = NetworkCompiler.compile(mlp()).sameDiff().getArrForVarName("dense1/W");
    INDArray b = NetworkCompiler.compile(mlp()).sameDiff().getArrForVarName("dense1/W");
    INDArray c = NetworkCompiler.compile(mlp(), CompileOptions.defaults().withSeed(7)).sameDiff().getArrForVarName("dense1/W");
    assertEquals(a, b);
    assertNotEquals(a, c);
  }

  @Test
  void biasesAreVariablesAndChangeAfterOneStep() {
    CompiledNetwork net = NetworkCompiler.compile(mlp());
    assertEquals(VariableType.VARIABLE, net.sameDiff().getVariable("dense2/b").getVariableType());
    INDArray before = net.sameDiff().getArrForVarName("dense2/b").dup();
    net.sameDiff().setTrainingConfig(TrainingConfig.builder().updater(new Sgd(0.5))
        .dataSetFeatureMapping(net.inputName()).dataSetLabelMapping(net.labelsName()).build());
    INDArray x = Nd4j.rand(DataType.FLOAT, 8, 1, 4, 4);
    INDArray y = Nd4j.eye(3).getRows(0, 1, 2, 0, 1, 2, 0, 1).castTo(DataType.FLOAT);
    net.sameDiff().fit(new DataSet(x, y));
    INDArray after = net.sameDiff().getArrForVarName("dense2/b");
    assertTrue(after.sub(before).norm2Number().doubleValue() > 1e-4, "bias moved");
  }

  @Test
  void rejectsDenseAfterImageWithoutFlatten() {
    NetworkSpec bad = NetworkSpec.sequential("bad", InputSpec.of(1, 4, 4), DenseSpec.of(3),
        new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY));
    SpecException e = assertThrows(SpecException.class, () -> NetworkCompiler.compile(bad));
    assertEquals("spec.shape.denseNeedsFlat", e.key());
    assertTrue(Messages.get(java.util.Locale.ENGLISH, e.key(), e.args()).contains("Flatten"));
  }

  @Test
  void buildsOnlyTheNodesTheOutputDependsOn() {
    NetworkSpec spec = NetworkSpec.of("loose", List.of(
        NodeSpec.of("in", InputSpec.of(1, 4, 4)),
        NodeSpec.of("flat", new FlattenSpec(), "in"),
        NodeSpec.of("dense", DenseSpec.of(3), "flat"),
        NodeSpec.of("loose", DenseSpec.of(5), "in"),
        NodeSpec.of("out", new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY), "dense")));
    CompiledNetwork net = NetworkCompiler.compile(spec);
    assertEquals(List.of("in", "flat", "dense", "out"), List.copyOf(net.activationNames().keySet()));
    assertTrue(!net.sameDiff().hasVariable("loose/W"), "the unwired dense layer is not built");
  }

  @Test
  void rejectsNodesNamedLikeTheGraphsOwnVariables() {
    NetworkSpec spec = NetworkSpec.of("reserved", List.of(
        NodeSpec.of("in", InputSpec.of(4)),
        NodeSpec.of("loss", DenseSpec.of(3), "in"),
        NodeSpec.of("out", new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY), "loss")));
    SpecException e = assertThrows(SpecException.class, () -> NetworkCompiler.compile(spec));
    assertEquals("graph.error.reservedId", e.key());
    assertTrue(Messages.get(java.util.Locale.SIMPLIFIED_CHINESE, e.key(), e.args()).contains("loss"));
  }

  @Test
  void rejectsCyclesAndUnknownInputs() {
    NetworkSpec cycle = NetworkSpec.of("cycle", List.of(
        NodeSpec.of("in", InputSpec.of(4)),
        NodeSpec.of("a", DenseSpec.of(4), "b"),
        NodeSpec.of("b", DenseSpec.of(4), "a"),
        NodeSpec.of("out", new OutputSpec(OutputSpec.Loss.MSE), "b")));
    assertEquals("spec.validate.cycle", assertThrows(SpecException.class, () -> NetworkCompiler.compile(cycle)).key());
    NetworkSpec dangling = NetworkSpec.of("dangling", List.of(
        NodeSpec.of("in", InputSpec.of(4)),
        NodeSpec.of("out", new OutputSpec(OutputSpec.Loss.MSE), "nowhere")));
    assertEquals("spec.validate.danglingInput", assertThrows(SpecException.class, () -> NetworkCompiler.compile(dangling)).key());
  }
}
