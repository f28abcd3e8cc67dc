package org.tensorworkbench.engine.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.Templates;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.engine.train.OptimizerMapping;
import org.tensorworkbench.engine.train.TrainingConfig;

/**
 * The direct path trains exactly as SameDiff's {@code fit}: the MLP and LeNet templates, compiled
 * twice from the same seed in DOUBLE, trained two minibatches by each path with every optimizer
 * (and L2 or decoupled weight decay), have the same loss after every step and the same weights.
 */
class DirectMatchesSameDiffTest {
  private static final int STEPS = 2;
  private static final int BATCH = 4;

  static Stream<Arguments> runs() {
    TrainingConfig base = TrainingConfig.defaults();
    List<TrainingConfig> configs = List.of(
        base.withOptimizer(Optimizer.SGD),
        base.withOptimizer(Optimizer.SGD).withWeightDecay(0.05, false),
        base.withOptimizer(Optimizer.MOMENTUM).withLearningRate(0.05),
        base.withOptimizer(Optimizer.MOMENTUM).withLearningRate(0.05).withWeightDecay(0.05, true),
        base.withOptimizer(Optimizer.ADAM).withLearningRate(0.01),
        base.withOptimizer(Optimizer.ADAMW).withLearningRate(0.01).withWeightDecay(0.1, true),
        base.withOptimizer(Optimizer.RMSPROP).withLearningRate(0.01));
    return Stream.of("mlp", "lenet").flatMap(model -> configs.stream().map(c -> Arguments.of(model, c)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("runs")
  void sameLossesAndWeightsAsFit(String model, TrainingConfig config) {
    NetworkSpec spec = Templates.load(model).withInputShape(List.of(1, 28, 28));
    CompileOptions options = new CompileOptions(DataType.DOUBLE, 11);
    CompiledNetwork viaFit = NetworkCompiler.compile(spec, options);
    CompiledNetwork direct = NetworkCompiler.compile(spec, options);
    viaFit.sameDiff().setTrainingConfig(OptimizerMapping.sameDiffConfig(config, viaFit.inputName(), viaFit.labelsName()));
    direct.sameDiff().setTrainingConfig(OptimizerMapping.sameDiffConfig(config, direct.inputName(), direct.labelsName()));
    DirectTrainer trainer = DirectTrainer.of(direct).orElseThrow();
    Nd4j.getRandom().setSeed(5);
    INDArray evalX = Nd4j.rand(DataType.DOUBLE, BATCH, 1, 28, 28);
    INDArray evalY = oneHot(BATCH, 3);
    assertEquals(loss(viaFit, evalX, evalY), loss(direct, evalX, evalY), 0.0, "same start");
    for (int step = 0; step < STEPS; step++) {
      INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, 1, 28, 28);
      INDArray y = oneHot(BATCH, step);
      viaFit.sameDiff().fit(new DataSet(x, y));
      trainer.step(x, y);
      trainer.endEpoch();
      double expected = loss(viaFit, evalX, evalY);
      assertEquals(expected, loss(direct, evalX, evalY), 1e-10 * Math.max(1, Math.abs(expected)), "loss after step " + step);
    }
    for (String name : viaFit.trainableNames()) {
      INDArray a = viaFit.sameDiff().getArrForVarName(name);
      INDArray b = direct.sameDiff().getArrForVarName(name);
      double difference = a.sub(b).amaxNumber().doubleValue();
      assertTrue(difference < 1e-10, name + " differs by " + difference);
    }
    assertEquals(viaFit.sameDiff().getTrainingConfig().getIterationCount(), direct.sameDiff().getTrainingConfig().getIterationCount());
    trainer.release();
  }

  /**
   * In FLOAT the direct path's Java loops (bias, ReLU, column sums, softmax) and BLAS update
   * agree with fit to float rounding: the MLP at batch 64, three SGD steps.
   */
  @Test
  void floatMlpMatchesFitToFloatRounding() {
    NetworkSpec spec = Templates.load("mlp").withInputShape(List.of(1, 28, 28));
    CompileOptions options = new CompileOptions(DataType.FLOAT, 11);
    CompiledNetwork viaFit = NetworkCompiler.compile(spec, options);
    CompiledNetwork direct = NetworkCompiler.compile(spec, options);
    TrainingConfig config = TrainingConfig.defaults().withOptimizer(Optimizer.SGD).withLearningRate(0.5);
    viaFit.sameDiff().setTrainingConfig(OptimizerMapping.sameDiffConfig(config, viaFit.inputName(), viaFit.labelsName()));
    direct.sameDiff().setTrainingConfig(OptimizerMapping.sameDiffConfig(config, direct.inputName(), direct.labelsName()));
    DirectTrainer trainer = DirectTrainer.of(direct).orElseThrow();
    Map<String, INDArray> before = new java.util.HashMap<>();
    viaFit.trainableNames().forEach(n -> before.put(n, direct.sameDiff().getArrForVarName(n).dup()));
    Nd4j.getRandom().setSeed(9);
    for (int step = 0; step < 3; step++) {
      INDArray x = Nd4j.rand(DataType.FLOAT, 64, 1, 28, 28);
      INDArray y = oneHot(64, step).castTo(DataType.FLOAT);
      viaFit.sameDiff().fit(new DataSet(x, y));
      trainer.step(x, y);
    }
    for (String name : viaFit.trainableNames()) {
      INDArray a = viaFit.sameDiff().getArrForVarName(name);
      INDArray b = direct.sameDiff().getArrForVarName(name);
      double scale = Math.max(1e-3, a.amaxNumber().doubleValue());
      double difference = a.sub(b).amaxNumber().doubleValue();
      assertTrue(difference < 1e-5 * scale, name + " differs by " + difference + " (largest weight " + scale + ")");
      double moved = b.sub(before.get(name)).amaxNumber().doubleValue();
      assertTrue(moved > 100 * difference, name + " moved only " + moved + " in training");
    }
    trainer.release();
  }

  /**
   * A minibatch cut in two halves on two threads ({@link DirectTrainer#splitMinibatches}) trains
   * exactly as fit on the whole minibatch: the MLP and LeNet in DOUBLE, an odd minibatch of 65
   * (halves of 33 and 32), SGD and Adam, two steps; and the logits it returns are the whole
   * minibatch's, in order.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("halves")
  void twoHalvesOnTwoThreadsTrainLikeFitOnTheWholeMinibatch(String model, Optimizer optimizer) {
    NetworkSpec spec = Templates.load(model).withInputShape(List.of(1, 28, 28));
    CompileOptions options = new CompileOptions(DataType.DOUBLE, 12);
    CompiledNetwork viaFit = NetworkCompiler.compile(spec, options);
    CompiledNetwork direct = NetworkCompiler.compile(spec, options);
    TrainingConfig config = TrainingConfig.defaults().withOptimizer(optimizer).withLearningRate(0.05);
    viaFit.sameDiff().setTrainingConfig(OptimizerMapping.sameDiffConfig(config, viaFit.inputName(), viaFit.labelsName()));
    direct.sameDiff().setTrainingConfig(OptimizerMapping.sameDiffConfig(config, direct.inputName(), direct.labelsName()));
    DirectTrainer trainer = DirectTrainer.of(direct).orElseThrow();
    trainer.splitMinibatches();
    Nd4j.getRandom().setSeed(6);
    int batch = 65;
    for (int step = 0; step < 2; step++) {
      INDArray x = Nd4j.rand(DataType.DOUBLE, batch, 1, 28, 28);
      INDArray y = oneHot(batch, step);
      INDArray expectedLogits = viaFit.sameDiff().output(Map.of(viaFit.inputName(), x), viaFit.logitsName())
          .get(viaFit.logitsName());
      viaFit.sameDiff().fit(new DataSet(x, y));
      INDArray logits = trainer.step(x, y);
      assertTrue(expectedLogits.equalsWithEps(logits, 1e-10), "logits of step " + step);
    }
    for (String name : viaFit.trainableNames()) {
      INDArray a = viaFit.sameDiff().getArrForVarName(name);
      INDArray b = direct.sameDiff().getArrForVarName(name);
      double difference = a.sub(b).amaxNumber().doubleValue();
      assertTrue(difference < 1e-10, name + " differs by " + difference);
    }
    trainer.release();
  }

  static Stream<Arguments> halves() {
    return Stream.of("mlp", "lenet").flatMap(m -> Stream.of(Optimizer.SGD, Optimizer.ADAM).map(o -> Arguments.of(m, o)));
  }

  @Test
  void onlyNetworksWithConvolutionsAreCutInHalves() {
    for (String model : List.of("mlp", "lenet")) {
      NetworkSpec spec = Templates.load(model).withInputShape(List.of(1, 28, 28));
      DirectTrainer trainer = DirectTrainer.of(NetworkCompiler.compile(spec, new CompileOptions(DataType.FLOAT, 1))).orElseThrow();
      assertEquals(model.equals("lenet"), trainer.worthSplitting(), model);
      trainer.release();
    }
  }

  /** Two halves on two threads repeat bit for bit: the same FLOAT LeNet trained twice from the same seed. */
  @Test
  void twoHalvesRepeatBitForBit() {
    NetworkSpec spec = Templates.load("lenet").withInputShape(List.of(1, 28, 28));
    INDArray[] weights = new INDArray[2];
    for (int run = 0; run < 2; run++) {
      CompiledNetwork net = NetworkCompiler.compile(spec, new CompileOptions(DataType.FLOAT, 13));
      net.sameDiff().setTrainingConfig(OptimizerMapping.sameDiffConfig(
          TrainingConfig.defaults().withOptimizer(Optimizer.SGD).withLearningRate(0.9), net.inputName(), net.labelsName()));
      DirectTrainer trainer = DirectTrainer.of(net).orElseThrow();
      trainer.splitMinibatches();
      Nd4j.getRandom().setSeed(7);
      for (int step = 0; step < 3; step++) {
        trainer.step(Nd4j.rand(DataType.FLOAT, 128, 1, 28, 28), oneHot(128, step).castTo(DataType.FLOAT));
      }
      weights[run] = Nd4j.toFlattened(net.trainableNames().stream().map(n -> net.sameDiff().getArrForVarName(n)).toList());
      trainer.release();
    }
    org.junit.jupiter.api.Assertions.assertArrayEquals(weights[0].toFloatVector(), weights[1].toFloatVector(), 0f);
  }

  private static INDArray oneHot(int rows, int shift) {
    INDArray y = Nd4j.zeros(DataType.DOUBLE, rows, 10);
    for (int i = 0; i < rows; i++) {
      y.putScalar(i, (i * 3 + shift) % 10, 1.0);
    }
    return y;
  }

  private static double loss(CompiledNetwork net, INDArray x, INDArray y) {
    return net.sameDiff().output(Map.of(net.inputName(), x, net.labelsName(), y), net.lossName())
        .get(net.lossName()).getDouble(0);
  }
}
